"""Python 3.14 起：InterpreterPoolExecutor 让每个工作线程有自己的解释器和自己的 GIL，在一个进程里并行计算。"""

import os
import time
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor

# 计算用内置函数 sum：它在 C 里循环，整个过程都持有 GIL。
# 任务会用 pickle 传进子解释器；官方文档提醒，定义在 __main__ 里的函数不能这样传，
# 自己写的计算函数应放进单独的模块，再 import 进来。
WORK = [range(20_000_000)] * 2


def timed(executor_class):
    with executor_class(max_workers=len(WORK)) as pool:
        start = time.perf_counter()
        results = list(pool.map(sum, WORK))
        elapsed = time.perf_counter() - start
    return elapsed, results


if __name__ == "__main__":
    print(f"逻辑 CPU：{os.cpu_count()} 个")
    by_threads, expected = timed(ThreadPoolExecutor)
    by_interpreters, results = timed(InterpreterPoolExecutor)
    assert results == expected
    print(f"线程池：      {by_threads:.2f} 秒（所有线程共用一个 GIL）")
    print(f"子解释器池：  {by_interpreters:.2f} 秒，是线程池的 {by_threads / by_interpreters:.2f} 倍速")

# snippet: requires=3.14

"""Python 3.14 起：InterpreterPoolExecutor 让每个工作线程有自己的解释器和自己的 GIL，在一个进程里并行计算。"""

import os
import time
from concurrent.futures import InterpreterPoolExecutor, ThreadPoolExecutor

# 计算用内置函数 sum：它在 C 里循环，整个过程都拿着所在解释器的 GIL。
# 函数和参数要封存（pickle）后传进子解释器，结果再封存后传回来。
WORK = [range(16_000_000)] * 2
ROUNDS = 3  # 三种做法轮流量三轮，各取最快的一轮，减少机器上其他程序的干扰


def measure(run):
    """运行一轮，返回（墙钟耗时，本进程所有线程用掉的 CPU 时间）。"""
    wall, cpu = time.perf_counter(), time.process_time()
    run()
    return time.perf_counter() - wall, time.process_time() - cpu


if __name__ == "__main__":
    print(f"逻辑 CPU：{os.cpu_count()} 个")
    with ThreadPoolExecutor(max_workers=2) as threads, InterpreterPoolExecutor(max_workers=2) as interpreters:
        runs = {
            "依次计算": lambda: [sum(r) for r in WORK],
            "线程池": lambda: list(threads.map(sum, WORK)),
            "子解释器池": lambda: list(interpreters.map(sum, WORK)),
        }
        rounds = {label: [] for label in runs}
        for _ in range(ROUNDS):
            for label, run in runs.items():
                rounds[label].append(measure(run))

    serial = min(rounds["依次计算"])[0]
    for label, timings in rounds.items():
        wall, cpu = min(timings)
        speedup = "" if label == "依次计算" else f"，加速 {serial / wall:.2f} 倍"
        # CPU 时间 ÷ 墙钟时间 = 平均有几个核心在同时计算
        print(f"{label}：{wall:.3f} 秒{speedup}；同时在算的核心：{cpu / wall:.1f} 个")
    # 子解释器在第一批任务到来时才创建：第一轮里包含这段启动时间（上面各取三轮里最快的一轮）
    first = rounds["子解释器池"][0][0]
    print(f"子解释器池的第一轮：{first:.3f} 秒（包括创建两个子解释器）")

# snippet: requires=3.14 alone retries=2

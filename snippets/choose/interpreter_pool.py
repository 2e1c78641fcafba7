"""Python 3.14 起：InterpreterPoolExecutor 让每个工作线程有自己的解释器和自己的 GIL，在一个进程里并行计算。"""

import os
import statistics
import time
from concurrent.futures import InterpreterPoolExecutor, ProcessPoolExecutor, ThreadPoolExecutor

WORK = [range(16_000_000)] * 2
ROUNDS = 6  # 四种做法轮流量六轮，各取最快的一轮，减少机器上其他程序的干扰


def timed_sum(numbers):
    """求和，返回本线程为此用掉的 CPU 时间（不含等待 GIL 的时间）。

    内置函数 sum 在 C 里循环，整个过程都拿着所在解释器的 GIL。参数 range 要封存（pickle）后
    传进子解释器或子进程；返回的 float 传回子进程的父进程时要封存，子解释器之间可以直接共享。
    """
    start = time.thread_time()
    sum(numbers)
    return time.thread_time() - start


def measure(run):
    """运行一轮，返回（墙钟耗时，各任务 CPU 时间之和）。"""
    start = time.perf_counter()
    cpu_times = run()
    return time.perf_counter() - start, sum(cpu_times)


if __name__ == "__main__":
    print(f"逻辑 CPU：{os.cpu_count()} 个")
    with ProcessPoolExecutor(max_workers=2) as processes:
        # 先让工作进程启动起来，再创建子解释器：用 fork 启动方法时，
        # 进程里还有子解释器就创建子进程，子进程会崩溃（CPython 的已知问题 gh-139759）
        list(processes.map(timed_sum, [range(1)] * 2))
        with ThreadPoolExecutor(max_workers=2) as threads, InterpreterPoolExecutor(max_workers=2) as interpreters:
            runs = {
                "串行": lambda: [timed_sum(r) for r in WORK],
                "线程池": lambda: list(threads.map(timed_sum, WORK)),
                "子解释器池": lambda: list(interpreters.map(timed_sum, WORK)),
                "进程池": lambda: list(processes.map(timed_sum, WORK)),
            }
            rounds = {label: [] for label in runs}
            for _ in range(ROUNDS):
                for label, run in runs.items():
                    rounds[label].append(measure(run))

    serial = min(rounds["串行"])[0]
    for label, timings in rounds.items():
        wall, cpu = min(timings)
        speedup = "" if label == "串行" else f"，加速 {serial / wall:.2f} 倍"
        # CPU 时间之和 ÷ 墙钟时间 = 平均有几个核心在同时计算
        print(f"{label}：{wall:.3f} 秒{speedup}；同时在算的核心：{cpu / wall:.1f} 个")
    # 同一轮里子解释器池和进程池前后紧挨着运行，机器的忙闲对两者差不多；取各轮之比的中位数，
    # 个别被打断的轮次影响不到它。第一轮不算：子解释器在第一批任务到来时才创建
    ratios = [interp[0] / proc[0] for interp, proc in zip(rounds["子解释器池"][1:], rounds["进程池"][1:])]
    print(f"子解释器池 ÷ 进程池，同一轮的耗时之比：{statistics.median(ratios):.2f}（第 2–{ROUNDS} 轮的中位数）")
    first = rounds["子解释器池"][0][0]
    print(f"子解释器池的第一轮：{first:.3f} 秒（包括创建两个子解释器，并在其中重新运行主脚本）")

# snippet: requires=3.14 alone retries=2

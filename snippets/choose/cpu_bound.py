"""CPU 密集的任务：串行、线程池、进程池各做一遍，比较耗时和同时在用的核心数。"""

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 2
N = 8_000_000  # 每个任务循环的次数：纯 Python 计算，一直占着 CPU，不等待任何东西
ROUNDS = 2  # 三种做法轮流量两轮，各取较快的一次，减少机器上其他程序的干扰


def sum_of_squares(n):
    start = time.thread_time()  # 本线程真正用掉的 CPU 时间，不含等待 GIL 的时间
    total = 0
    for i in range(n):
        total += i * i
    return time.thread_time() - start


def report_pid(_):
    time.sleep(0.2)  # 占住这个工作进程一会儿，另一个任务只能交给另一个进程
    return os.getpid()


def measure(run):
    """返回（墙钟耗时，各任务 CPU 时间之和）。"""
    start = time.perf_counter()
    cpu_times = run()
    return time.perf_counter() - start, sum(cpu_times)


if __name__ == "__main__":
    # sys._is_gil_enabled() 是 3.13 新增的；更早的版本只有带 GIL 的构建
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"逻辑 CPU：{os.cpu_count()} 个；GIL：{'开启' if gil else '关闭（自由线程构建）'}")

    best = {}
    with ProcessPoolExecutor(max_workers=TASKS) as processes:
        # 先确认每个工作进程都已启动、能接任务：下面只量计算本身，不量创建进程的开销
        pids = set()
        while len(pids) < TASKS:
            pids.update(processes.map(report_pid, range(TASKS)))
        with ThreadPoolExecutor(max_workers=TASKS) as threads:
            runs = {
                "串行": lambda: [sum_of_squares(N) for _ in range(TASKS)],
                "线程池": lambda: list(threads.map(sum_of_squares, [N] * TASKS)),
                "进程池": lambda: list(processes.map(sum_of_squares, [N] * TASKS)),
            }
            for _ in range(ROUNDS):
                for label, run in runs.items():
                    wall, cpu = measure(run)
                    if label not in best or wall < best[label][0]:
                        best[label] = (wall, cpu)

    serial = best["串行"][0]
    for label, (wall, cpu) in best.items():
        speedup = "" if label == "串行" else f"，加速 {serial / wall:.2f} 倍"
        # CPU 时间之和 ÷ 墙钟时间 = 平均有几个核心在同时计算
        print(f"{label}：{wall:.2f} 秒{speedup}；平均同时在算的核心：{cpu / wall:.1f} 个")

# snippet: alone timeout=40 retries=2

"""CPU 密集的任务：串行、线程池、进程池各做一遍，比较耗时。"""
# snippet: alone timeout=40

import os
import sys
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 2
N = 4_000_000  # 每个任务循环的次数：纯 Python 计算，一直占着 CPU，不等待任何东西
ROUNDS = 3  # 三种做法轮流量三轮，各取最快的一次，减少机器上其他程序的干扰


def sum_of_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


def report_pid(_):
    time.sleep(0.2)  # 占住这个工作进程一会儿，另一个任务只能交给另一个进程
    return os.getpid()


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    # sys._is_gil_enabled() 是 3.13 新增的；更早的版本只有带 GIL 的构建
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"逻辑 CPU：{os.cpu_count()} 个；GIL：{'开启' if gil else '关闭（自由线程构建）'}")

    best = {"串行": float("inf"), "线程池": float("inf"), "进程池": float("inf")}
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
                    best[label] = min(best[label], timed(run))

    serial = best["串行"]
    print(f"串行：  {serial:.2f} 秒（{TASKS} 个任务依次算）")
    for label in ("线程池", "进程池"):
        print(f"{label}：{best[label]:.2f} 秒，加速 {serial / best[label]:.2f} 倍")

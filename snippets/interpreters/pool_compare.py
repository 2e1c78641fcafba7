"""同一个 CPU 密集任务交给三种执行器：线程池、子解释器池、进程池。启动开销和计算分开计时。"""

import os
import statistics
import threading
import time
from concurrent.futures import InterpreterPoolExecutor, ProcessPoolExecutor, ThreadPoolExecutor

WORKERS = 2
LOOPS = 8_000_000
ROUNDS = 5


def spin(n):
    """纯 Python 循环（算的时候一直持有本解释器的 GIL），返回本线程用掉的 CPU 时间。"""
    began = time.thread_time()
    total = 0
    for i in range(n):
        total += i
    return time.thread_time() - began


def whoami(_):
    time.sleep(0.02)  # 占住这个工作者，下一个小任务只好交给（或启动）另一个
    return os.getpid(), threading.get_ident()


def start(executor_class):
    """创建执行器，直到每个工作者都做完一个小任务：三种执行器都是用到时才启动工作者。"""
    began = time.perf_counter()
    pool = executor_class(max_workers=WORKERS)
    seen = set()
    while len(seen) < WORKERS:
        seen.update(pool.map(whoami, range(WORKERS)))
    return pool, time.perf_counter() - began


if __name__ == "__main__":
    kinds = {"线程池": ThreadPoolExecutor, "子解释器池": InterpreterPoolExecutor, "进程池": ProcessPoolExecutor}
    print(f"逻辑 CPU：{os.cpu_count()} 个；每种执行器 {WORKERS} 个工作者")
    started = {}
    # 进程池最先启动：用 fork 启动方法时，不能在还有子解释器的时候创建进程（见本页后文）
    for name in ("进程池", "线程池", "子解释器池"):
        started[name] = start(kinds[name])
    pools = {name: started[name][0] for name in kinds}
    for name in kinds:
        print(f"{name}启动：{started[name][1] * 1000:.0f} 毫秒")
    rounds = {name: [] for name in pools}
    for _ in range(ROUNDS):  # 三种轮流量，各取最快的一轮：机器上别的程序对三者的干扰大致相当
        for name, pool in pools.items():
            began = time.perf_counter()
            cpu = sum(pool.map(spin, [LOOPS] * WORKERS))
            rounds[name].append((time.perf_counter() - began, cpu))
    best = {name: min(timings) for name, timings in rounds.items()}
    for pool in pools.values():
        pool.shutdown()
    threads_wall = best["线程池"][0]
    for name, (wall, cpu) in best.items():
        print(f"{name}计算：{wall:.3f} 秒，同时在算 {cpu / wall:.2f} 个核心，是线程池的 {threads_wall / wall:.2f} 倍速")
    # 同一轮里两者前后紧挨着运行，机器的忙闲对两者差不多；取各轮之比的中位数，个别被打断的轮次影响不到它
    ratios = [interp[0] / proc[0] for interp, proc in zip(rounds["子解释器池"], rounds["进程池"])]
    print(f"子解释器池 ÷ 进程池，同一轮的计算耗时之比：{statistics.median(ratios):.2f}（{ROUNDS} 轮的中位数）")

# snippet: requires=3.14 alone retries=2

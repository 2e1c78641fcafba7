"""chunksize：map 一次交给工作进程几个输入。很多很小的任务时，它决定了要来回传递多少次。"""

import os
import time
from multiprocessing import Barrier, Pool

N = 4000
ROUNDS = 3  # 每种批大小量三次，取最快的一次，减少机器上其他程序的干扰


def ready(barrier):
    barrier.wait()  # 工作进程启动后在这里等，直到两个工作进程和父进程都到齐


def square(x):
    return x * x, os.getpid()


def runs(pids):
    """相邻输入由同一个工作进程完成的连续段数：同一批的输入一定在同一段里。"""
    return 1 + sum(1 for a, b in zip(pids, pids[1:]) if a != b)


if __name__ == "__main__":
    barrier = Barrier(3)
    with Pool(processes=2, initializer=ready, initargs=(barrier,)) as pool:
        barrier.wait()  # 两个工作进程都启动好了，下面只量传递任务和结果
        for chunksize in (1000, 1):
            best = None
            for _ in range(ROUNDS):
                start = time.perf_counter()
                results = pool.map(square, range(N), chunksize=chunksize)
                elapsed = time.perf_counter() - start
                if best is None or elapsed < best[0]:
                    best = (elapsed, [pid for _, pid in results])
            elapsed, pids = best
            batches = -(-N // chunksize)
            print(f"chunksize={chunksize}：{batches} 批，用时 {elapsed:.3f} 秒，"
                  f"输入按工作进程分成 {runs(pids)} 段")

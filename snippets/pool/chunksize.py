"""chunksize：map 一次交给工作进程几个输入。很多很小的任务时，它决定了要来回传递多少次。"""

import os
import time
from multiprocessing import Pool

N = 4000


def square(x):
    return x * x, os.getpid()


def runs(pids):
    """相邻输入由同一个工作进程完成的连续段数：同一批的输入一定在同一段里。"""
    return 1 + sum(1 for a, b in zip(pids, pids[1:]) if a != b)


if __name__ == "__main__":
    with Pool(processes=2) as pool:
        pool.map(square, range(100))  # 先让工作进程启动起来，不算进下面的时间
        # 先量大批次，再量 chunksize=1：即使还有启动开销，也只会算在大批次头上
        for chunksize in (1000, 1):
            start = time.perf_counter()
            results = pool.map(square, range(N), chunksize=chunksize)
            elapsed = time.perf_counter() - start
            pids = [pid for _, pid in results]
            batches = -(-N // chunksize)
            print(f"chunksize={chunksize}：{batches} 批，用时 {elapsed:.3f} 秒，"
                  f"输入按工作进程分成 {runs(pids)} 段")

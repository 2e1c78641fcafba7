"""Pool(maxtasksperchild=2)：每个工作进程做完 2 个任务就退出，由新的工作进程接替。"""

import os
import time
from collections import Counter
from multiprocessing import Pool


def work(i):
    time.sleep(0.1)
    return os.getpid()


if __name__ == "__main__":
    with Pool(processes=2, maxtasksperchild=2) as pool:
        # chunksize=1：一个输入算一个任务（否则一批算一个）
        pids = pool.map(work, range(6), chunksize=1)
    for pid, done in sorted(Counter(pids).items()):
        print(f"工作进程 {pid} 做了 {done} 个任务")
    print(f"6 个任务、同时最多 2 个工作进程，先后用了 {len(set(pids))} 个工作进程")

"""Ctrl-C 与进程池：工作进程忽略 SIGINT，只由父进程处理 KeyboardInterrupt 并 terminate() 进程池。"""

import os
import signal
import time
from multiprocessing import Pool, Queue, active_children


def ignore_sigint(ready):
    # 在终端按 Ctrl-C，整个前台进程组（父进程和所有工作进程）都会收到 SIGINT。
    # 让工作进程忽略它：不然每个工作进程都会打印一段 KeyboardInterrupt 回溯
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    ready.put(os.getpid())


def slow_square(n):
    time.sleep(0.5)
    return n * n


if __name__ == "__main__":
    ready = Queue()
    pool = Pool(2, initializer=ignore_sigint, initargs=(ready,))
    worker_pids = [ready.get() for _ in range(2)]  # 两个工作进程都已装好 SIG_IGN
    print(f"进程池就绪：{len(worker_pids)} 个工作进程，都忽略 SIGINT")
    try:
        result = pool.map_async(slow_square, range(8))
        time.sleep(0.2)  # 任务正在运行
        # 模拟在终端按 Ctrl-C：给每个工作进程和父进程自己都发 SIGINT
        for pid in worker_pids:
            os.kill(pid, signal.SIGINT)
        print("模拟 Ctrl-C：向工作进程和父进程发送 SIGINT")
        signal.raise_signal(signal.SIGINT)  # 父进程里立刻变成 KeyboardInterrupt
        print(result.get())  # 不会执行到这里
    except KeyboardInterrupt:
        print("父进程收到 KeyboardInterrupt，调用 pool.terminate()")
        pool.terminate()  # 不等剩下的任务，直接结束所有工作进程
    else:
        pool.close()
    finally:
        pool.join()
    print(f"进程池已结束，剩下的子进程：{len(active_children())} 个")

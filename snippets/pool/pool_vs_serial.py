"""8 个各要等 0.2 秒的任务：依次做，和交给 4 个工作进程的进程池做，各用多久。"""

import time
from multiprocessing import Barrier, Pool

WORKERS = 4


def ready(barrier):
    barrier.wait()  # 工作进程启动后在这里等，直到所有工作进程和父进程都到齐


def fetch(i):
    time.sleep(0.2)  # 模拟一次等待（比如网络请求），几乎不占 CPU
    return i


if __name__ == "__main__":
    start = time.perf_counter()
    serial = [fetch(i) for i in range(8)]
    print(f"串行：{time.perf_counter() - start:.2f} 秒（8 × 0.2 秒）")

    start = time.perf_counter()
    barrier = Barrier(WORKERS + 1)
    with Pool(WORKERS, initializer=ready, initargs=(barrier,)) as pool:
        barrier.wait()  # 4 个工作进程都启动好了
        print(f"创建进程池（启动 {WORKERS} 个工作进程）：{time.perf_counter() - start:.2f} 秒")
        start = time.perf_counter()
        pooled = pool.map(fetch, range(8), chunksize=1)
        print(f"进程池 map：{time.perf_counter() - start:.2f} 秒（8 个任务分两轮，≈ 2 × 0.2 秒）")
    print(f"结果相同：{serial == pooled}")

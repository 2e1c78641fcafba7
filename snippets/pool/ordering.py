"""map、imap、imap_unordered：同样三个任务，结果什么时候、按什么顺序交到父进程手里。"""

import time
from multiprocessing import Barrier, Pool

TASKS = [("任务A", 0.6), ("任务B", 0.2), ("任务C", 0.4)]


def ready(barrier):
    barrier.wait()  # 三个工作进程都启动好再开始，完成顺序只取决于任务本身的时长


def work(task):
    name, seconds = task
    time.sleep(seconds)
    return name


if __name__ == "__main__":
    barrier = Barrier(len(TASKS) + 1)
    with Pool(len(TASKS), initializer=ready, initargs=(barrier,)) as pool:
        barrier.wait()

        start = time.perf_counter()
        results = pool.map(work, TASKS)
        print(f"map：{time.perf_counter() - start:.2f} 秒后一次拿到整个列表 {results}")

        start = time.perf_counter()
        for name in pool.imap(work, TASKS):
            print(f"imap：{time.perf_counter() - start:.2f} 秒 拿到 {name}")

        start = time.perf_counter()
        for name in pool.imap_unordered(work, TASKS):
            print(f"imap_unordered：{time.perf_counter() - start:.2f} 秒 拿到 {name}")

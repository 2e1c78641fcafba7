"""ProcessPoolExecutor：submit 返回 Future，result() 取结果；as_completed 按完成顺序；map 按输入顺序。"""

import time
from concurrent.futures import ProcessPoolExecutor, as_completed
from multiprocessing import Barrier

TASKS = [("任务A", 0.6), ("任务B", 0.2), ("任务C", 0.4)]


def ready(barrier):
    barrier.wait()  # 三个工作进程都启动好再开始，完成顺序只取决于任务本身的时长


def work(name, seconds):
    time.sleep(seconds)
    return f"{name}（{seconds} 秒）"


if __name__ == "__main__":
    barrier = Barrier(len(TASKS) + 1)
    with ProcessPoolExecutor(max_workers=len(TASKS), initializer=ready, initargs=(barrier,)) as executor:
        futures = [executor.submit(work, name, seconds) for name, seconds in TASKS]  # 立即返回
        print(f"submit 立即返回 Future，done() = {[f.done() for f in futures]}")
        barrier.wait()
        start = time.perf_counter()
        for future in as_completed(futures):
            print(f"as_completed：{time.perf_counter() - start:.2f} 秒 {future.result()}")
        print(f"按提交顺序 result()：{[f.result() for f in futures]}")
        names, seconds = zip(*TASKS)
        print(f"map：{list(executor.map(work, names, seconds))}")

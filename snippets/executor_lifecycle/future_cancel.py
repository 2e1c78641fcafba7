"""Future.cancel()：只有还在排队的任务能取消。已经交给工作进程的（哪怕还没开始执行）都返回 False。"""

import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Event


def remember(event):  # initializer：每个工作进程启动时运行一次，把事件存进模块全局变量
    global started
    started = event


def first():
    started.set()  # 告诉父进程：第一个任务已经在工作进程里执行了
    time.sleep(0.5)
    return "第一个"


def work(i):
    print(f"  工作进程：任务 {i} 开始执行", flush=True)
    return i * 10


if __name__ == "__main__":
    started = Event()
    with ProcessPoolExecutor(max_workers=1, initializer=remember, initargs=(started,)) as pool:
        futures = [pool.submit(first)]
        started.wait(timeout=10)
        futures += [pool.submit(work, i) for i in range(1, 5)]
        deadline = time.monotonic() + 5
        while not futures[2].running() and time.monotonic() < deadline:
            time.sleep(0.01)  # 等执行器的管理线程把任务交到调用队列（它在另一个线程里，慢一点点）
        for i, future in enumerate(futures):
            state = "running" if future.running() else "pending"
            print(f"任务 {i}：{state}，cancel() 返回 {future.cancel()}")
    for i, future in enumerate(futures):
        print(f"任务 {i}：{'已取消' if future.cancelled() else f'结果 {future.result()}'}")

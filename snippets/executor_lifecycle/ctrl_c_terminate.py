"""3.14 起：收到 Ctrl-C 时 terminate_workers()，正在执行的任务也不等了，立即结束全部工作进程。"""

import multiprocessing
import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def work(i):
    time.sleep(0.2)
    return i


def outcome(future):
    if future.cancelled():
        return "取消"
    if future.exception() is not None:
        return type(future.exception()).__name__
    return "做完"


if __name__ == "__main__":
    try:
        with ProcessPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(work, i) for i in range(10)]
            began = time.perf_counter()
            threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()  # 0.3 秒后模拟 Ctrl-C
            try:
                for future in futures:
                    future.result()
            except KeyboardInterrupt:
                print(f"{time.perf_counter() - began:.2f} 秒：收到 KeyboardInterrupt，terminate_workers()")
                pool.terminate_workers()  # 给每个工作进程发 SIGTERM，并取消排队的任务
                raise
    except KeyboardInterrupt:
        print(f"{time.perf_counter() - began:.2f} 秒：with 块结束")
    for future in futures:
        while not future.done():  # 执行器的管理线程稍后才给被打断的任务标上结局
            time.sleep(0.01)
    outcomes = [outcome(f) for f in futures]
    print("各任务：" + "，".join(f"{name} {outcomes.count(name)} 个" for name in dict.fromkeys(outcomes)))
    deadline = time.monotonic() + 5
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.01)  # 工作进程收到 SIGTERM 后退出，由执行器的管理线程回收
    print(f"还活着的子进程：{len(multiprocessing.active_children())} 个")

# snippet: requires=3.14

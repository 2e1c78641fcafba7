"""Event.wait(timeout)：超时返回 False，等到了返回 True，不会抛异常。"""

import time
from multiprocessing import Event, Process


def slow_loader(ready):
    time.sleep(0.5)  # 模拟加载数据
    ready.set()


if __name__ == "__main__":
    ready = Event()
    loader = Process(target=slow_loader, args=(ready,))
    loader.start()

    start = time.perf_counter()
    got = ready.wait(timeout=0.1)  # 子进程还没准备好
    print(f"wait(timeout=0.1) 返回 {got}，等了 {time.perf_counter() - start:.2f} 秒")

    got = ready.wait(timeout=5)  # 子进程一 set()，这里就返回，不会真的等 5 秒
    print(f"wait(timeout=5) 返回 {got}，一共等了 {time.perf_counter() - start:.2f} 秒")
    loader.join()

"""Event：几个子进程都在 wait()，父进程一 set()，它们同时放行。"""

import time
from multiprocessing import Event, Process, Queue


def runner(name, ready, start_signal, t0):
    print(f"{name} 就位，等待发令")
    ready.put(name)  # 向父进程报到
    start_signal.wait()  # 事件被 set 之前，一直停在这里
    print(f"{name} 出发：{time.time() - t0:.3f} 秒")


if __name__ == "__main__":
    t0 = time.time()
    start_signal = Event()  # 新建的事件是“未设置”状态
    ready = Queue()
    runners = [Process(target=runner, args=(f"选手-{i}", ready, start_signal, t0)) for i in (1, 2, 3)]
    for r in runners:
        r.start()
    for _ in runners:
        ready.get()  # 等三个子进程都报到，保证它们都已经走到 wait() 前
    time.sleep(0.3)  # 这段时间里子进程都卡在 wait()
    print(f"父进程：is_set() = {start_signal.is_set()}，发令 set()：{time.time() - t0:.3f} 秒")
    start_signal.set()
    for r in runners:
        r.join()
    start_signal.clear()  # 复位，可以再用一次
    print(f"clear() 之后 is_set() = {start_signal.is_set()}")

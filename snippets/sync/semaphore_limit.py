"""Semaphore(2)：5 个子进程抢 2 个名额，任何时刻最多只有 2 个在干活。"""

import time
from multiprocessing import Barrier, Process, Semaphore, Value


def download(name, slots, start_line, active, peak, t0):
    start_line.wait()  # 5 个进程同时开始抢名额
    with slots:  # 名额用完时，这里会等到有人归还
        with active.get_lock():
            active.value += 1
            peak.value = max(peak.value, active.value)
            print(f"{time.time() - t0:.2f} 秒  {name} 拿到名额，正在干活的：{active.value} 个")
        time.sleep(0.3)  # 模拟下载
        with active.get_lock():
            active.value -= 1
            print(f"{time.time() - t0:.2f} 秒  {name} 归还名额")


if __name__ == "__main__":
    slots = Semaphore(2)  # 计数器初值 2：acquire 减一，release 加一，为 0 时 acquire 等待
    start_line = Barrier(5)
    active = Value("i", 0)  # 此刻持有名额的进程数
    peak = Value("i", 0)  # 观察到的最大值
    t0 = time.time()
    workers = [Process(target=download, args=(f"下载-{i}", slots, start_line, active, peak, t0)) for i in range(1, 6)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(f"同时干活的进程最多 {peak.value} 个")

"""同样三个任务：在一个进程里依次做，和交给三个子进程同时做，各用多久。"""

import time
from multiprocessing import Process

# 用 sleep 模拟等待（比如等网络）；三个任务分别要 0.2、0.4、0.6 秒
DURATIONS = {"任务A": 0.2, "任务B": 0.4, "任务C": 0.6}


def work(label, seconds):
    time.sleep(seconds)
    print(f"  {label} 完成（{seconds} 秒）")


if __name__ == "__main__":
    start = time.perf_counter()
    for label, seconds in DURATIONS.items():
        work(label, seconds)
    serial = time.perf_counter() - start
    print(f"串行：{serial:.2f} 秒（≈ 各任务之和 {sum(DURATIONS.values()):.1f} 秒）")

    start = time.perf_counter()
    workers = [Process(target=work, args=item) for item in DURATIONS.items()]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    concurrent = time.perf_counter() - start
    print(f"并发：{concurrent:.2f} 秒（≈ 最长的任务 {max(DURATIONS.values()):.1f} 秒，外加创建进程的开销）")

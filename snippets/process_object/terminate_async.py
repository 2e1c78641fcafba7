"""terminate() 发出 SIGTERM 后立即返回，不等子进程结束：此时 is_alive() 仍可能是 True。"""

import os
import signal
import time
from multiprocessing import Event, Process


def clean_up_then_exit(signum, frame):
    # 收到 SIGTERM 后先收尾（这里用 0.3 秒模拟），再按 SIGTERM 的默认方式结束
    print("子进程：收到 SIGTERM，先花 0.3 秒收尾")
    time.sleep(0.3)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.kill(os.getpid(), signal.SIGTERM)


def work(ready):
    signal.signal(signal.SIGTERM, clean_up_then_exit)
    ready.set()  # 处理函数装好了，父进程才能发信号
    for _ in range(50):  # 短的 sleep 循环：处理函数最迟 0.1 秒内运行（见页面说明）
        time.sleep(0.1)


if __name__ == "__main__":
    ready = Event()
    p = Process(target=work, args=(ready,))
    p.start()
    ready.wait()

    start = time.perf_counter()
    p.terminate()
    print(f"terminate() 用了 {time.perf_counter() - start:.3f} 秒就返回：is_alive() = {p.is_alive()}，exitcode = {p.exitcode}")
    p.join()
    print(f"join() 等了 {time.perf_counter() - start:.2f} 秒：is_alive() = {p.is_alive()}，exitcode = {p.exitcode}")

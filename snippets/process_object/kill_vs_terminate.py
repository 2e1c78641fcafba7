"""SIGTERM 可以被子进程捕获甚至忽略；kill() 发出的 SIGKILL 不能，子进程一定结束。"""

import signal
import time
from multiprocessing import Event, Process


def ignore(signum, frame):
    print("子进程：收到 SIGTERM，不理它，继续工作")


def stubborn(ready):
    signal.signal(signal.SIGTERM, ignore)
    ready.set()
    time.sleep(5)  # 处理完信号后，sleep 会接着睡完剩下的时间


if __name__ == "__main__":
    ready = Event()
    p = Process(target=stubborn, args=(ready,))
    p.start()
    ready.wait()

    p.terminate()
    p.join(timeout=0.5)
    print(f"terminate() 之后等了 0.5 秒：is_alive() = {p.is_alive()}，exitcode = {p.exitcode}")

    p.kill()  # SIGKILL 由内核直接执行，子进程没有机会处理
    p.join()
    print(f"kill() 之后：is_alive() = {p.is_alive()}，exitcode = {p.exitcode}")

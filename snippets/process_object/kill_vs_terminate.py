"""SIGTERM 可以被子进程捕获甚至忽略；kill() 发出的 SIGKILL 不能，子进程一定结束。"""

import signal
import time
from multiprocessing import Event, Process


def stubborn(ready, handled):
    def ignore(signum, frame):
        print("子进程：收到 SIGTERM，不理它，继续工作")
        handled.set()  # 告诉父进程：处理函数已经运行完了

    signal.signal(signal.SIGTERM, ignore)
    ready.set()
    # 用短的 sleep 循环而不是一次 sleep(5)：Python 层的处理函数要等回到解释器循环才运行，
    # 信号恰好在进入 sleep 之前到达时，要等这次 sleep 结束（见页面说明）
    for _ in range(50):
        time.sleep(0.1)


if __name__ == "__main__":
    ready, handled = Event(), Event()
    p = Process(target=stubborn, args=(ready, handled))
    p.start()
    ready.wait()

    p.terminate()
    handled.wait(timeout=10)  # 等子进程处理完 SIGTERM
    p.join(timeout=0.3)  # 再给它 0.3 秒：它并没有退出的意思
    print(f"处理完 SIGTERM 又等了 0.3 秒：is_alive() = {p.is_alive()}，exitcode = {p.exitcode}")

    p.kill()  # SIGKILL 由内核直接执行，子进程没有机会处理
    p.join()
    print(f"kill() 之后：is_alive() = {p.is_alive()}，exitcode = {p.exitcode}")

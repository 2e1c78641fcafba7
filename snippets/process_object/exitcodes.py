"""exitcode 的几种取值：正常返回 0，未捕获的异常 1，sys.exit(n) 为 n，被信号结束为负的信号编号。"""

import signal
import sys
import time
from multiprocessing import Event, Process, current_process


def finish():
    pass


def fail():
    raise ValueError("数据格式不对")


def quit_with_3():
    sys.exit(3)


def sleep_long(ready):
    try:
        # 在 try 里面才报告就绪：父进程等到这一步才发信号，信号一定落在 try 里
        print(f"{current_process().name}：已进入 try，开始 sleep(5)", flush=True)
        ready.set()
        time.sleep(5)
    finally:
        print("这一行不会出现：被信号结束的进程不执行 finally")


if __name__ == "__main__":
    ready = [Event(), Event()]
    workers = [
        Process(target=finish, name="正常返回"),
        Process(target=fail, name="抛出异常"),
        Process(target=quit_with_3, name="sys.exit(3)"),
        Process(target=sleep_long, args=(ready[0],), name="被 terminate()"),
        Process(target=sleep_long, args=(ready[1],), name="被 kill()"),
    ]
    for p in workers[3:]:  # 先启动要被信号结束的两个
        p.start()
    for event in ready:
        event.wait(timeout=10)  # 两个子进程都进了 try，才往下走、发信号
    for p in workers[:3]:
        p.start()
    workers[3].terminate()
    workers[4].kill()
    for p in workers:
        p.join()

    print("---- 父进程看到的 exitcode ----")
    for p in workers:
        code = p.exitcode
        meaning = f"（信号 {signal.Signals(-code).name}）" if code < 0 else ""
        print(f"{p.name}：{code}{meaning}")

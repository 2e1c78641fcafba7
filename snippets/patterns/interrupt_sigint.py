"""Python 3.14 的 Process.interrupt()：发 SIGINT，子进程里变成 KeyboardInterrupt，可以捕获后收拾好再退出。"""

import sys
import time
from multiprocessing import Event, Process


def work(ready):
    try:
        ready.set()  # 在 try 里面才报告就绪，信号不会落在 try 之外
        for _ in range(100):  # 短的 sleep 循环：KeyboardInterrupt 最迟 0.1 秒内抛出（见 Process 对象一页）
            time.sleep(0.1)
    except KeyboardInterrupt:
        print("  子进程：收到 KeyboardInterrupt，保存进度后退出")
        sys.exit(3)  # 不捕获的话，子进程会打印回溯，exitcode 为 1


if __name__ == "__main__":
    ready = Event()
    child = Process(target=work, args=(ready,))
    child.start()
    ready.wait(timeout=10)
    child.interrupt()  # 3.14 新增；在 POSIX 上发送 SIGINT，Windows 上行为未定义
    child.join()
    print(f"interrupt() 之后：exitcode = {child.exitcode}")

# snippet: requires=3.14

"""同一段代码在两个子进程里运行：这是两个进程，各有自己的 PID。"""

import os
from multiprocessing import Process


def open_document(filename):
    print(f"进程 {os.getpid()} 打开了 {filename}")


if __name__ == "__main__":
    print(f"父进程 {os.getpid()}")
    # 同一个函数、同一份代码，交给两个进程各运行一次
    editors = [Process(target=open_document, args=(name,)) for name in ("笔记A.txt", "笔记B.txt")]
    for p in editors:
        p.start()
    for p in editors:
        p.join()
    print("两个子进程都已结束")

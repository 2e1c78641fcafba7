"""主模块的顶层代码在哪些进程里执行：spawn 的每个子进程各执行一次；forkserver 从 3.14 起只在 fork 服务器里执行一次。"""

import multiprocessing as mp
import os

print(f"顶层代码：进程 {os.getpid()}，__name__ = {__name__}")


def child():
    print(f"  目标函数：进程 {os.getpid()}，os.getppid() = {os.getppid()}")


if __name__ == "__main__":
    for method in ("spawn", "forkserver"):
        print(f"---- {method}：依次创建两个子进程 ----")
        ctx = mp.get_context(method)
        for _ in range(2):
            p = ctx.Process(target=child)
            p.start()
            p.join()

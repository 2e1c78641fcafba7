"""直接运行的脚本本身就是一个进程：它的 PID、它的父进程，以及 multiprocessing 眼里的它。"""

import os
from multiprocessing import current_process, parent_process

if __name__ == "__main__":
    print(f"os.getpid()  = {os.getpid()}（本进程）")
    print(f"os.getppid() = {os.getppid()}（启动本程序的进程）")

    me = current_process()
    print(f"current_process()：name = {me.name}，pid = {me.pid}")
    # 主进程不是由 multiprocessing 创建的，所以没有“multiprocessing 意义上的父进程”
    print(f"parent_process() = {parent_process()}")

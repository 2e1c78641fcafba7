"""子进程里的 os.getpid()、os.getppid()、parent_process().pid，与父进程的 PID 对照。"""

import os
from multiprocessing import Process, current_process, get_start_method, parent_process


def report():
    print(f"子进程：{current_process().name}，os.getpid() = {os.getpid()}")
    print(f"子进程：os.getppid() = {os.getppid()}")  # 操作系统意义上的父进程
    print(f"子进程：parent_process().pid = {parent_process().pid}")  # 调用 start() 的那个进程


if __name__ == "__main__":
    print(f"启动方法：{get_start_method()}")
    print(f"父进程：os.getpid() = {os.getpid()}")
    child = Process(target=report)
    print(f"父进程：start() 之前，child.pid = {child.pid}")
    child.start()
    child.join()
    print(f"父进程：child.pid = {child.pid}")

"""反例：没有 if __name__ == "__main__": 保护，spawn 的子进程重新导入本文件时又要创建子进程。"""

import multiprocessing as mp
import os


def greet():
    print("子进程：greet() 运行了")  # 不会出现


# 下面几行在模块顶层：python 运行本文件时执行一次，spawn 的子进程导入本文件时又执行一次
print(f"模块顶层：__name__ = {__name__}，PID {os.getpid()}")
child = mp.get_context("spawn").Process(target=greet)
child.start()
child.join()
print(f"模块顶层：子进程已结束，exitcode = {child.exitcode}")

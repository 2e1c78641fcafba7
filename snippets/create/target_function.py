"""用 target 参数把一个函数交给子进程运行。"""

import os
import time
from multiprocessing import Process


def greet(name):
    print(f"子进程 {name} 开始，PID {os.getpid()}")
    time.sleep(0.2)
    print(f"子进程 {name} 结束")


# 启动方法为 spawn / forkserver 时，子进程会重新导入本文件；
# 不加这个保护，导入时又会创建子进程。
if __name__ == "__main__":
    child = Process(target=greet, args=("worker-1",))
    child.start()  # 请操作系统创建子进程，立即返回
    print(f"父进程 PID {os.getpid()} 已调用 start()，不等子进程")
    child.join()  # 等子进程结束
    print(f"父进程：子进程已结束，exitcode = {child.exitcode}")

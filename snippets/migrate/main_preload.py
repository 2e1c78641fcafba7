import multiprocessing as mp
import os
import time

# 旧教程常把准备工作写在模块顶层（读配置、加载数据……）
print(f"模块顶层执行：__name__ = {__name__}，PID {os.getpid()}")
time.sleep(0.1)  # 假装在加载什么


def work(i):
    print(f"子进程 {i}：PID {os.getpid()}，os.getppid() = {os.getppid()}")


if __name__ == "__main__":
    print(f"父进程：启动方法 {mp.get_start_method()}")
    for i in range(3):
        child = mp.Process(target=work, args=(i,))
        child.start()
        child.join()

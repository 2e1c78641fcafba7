"""父进程的主代码一执行完，守护子进程就被结束；普通子进程则会被等到运行完。"""

import time
from multiprocessing import Event, Process


def daemon_work(started):
    print("守护子进程：第 1 行")
    started.set()
    time.sleep(0.6)
    print("守护子进程：第 2 行")


def normal_work():
    for i in range(1, 4):
        time.sleep(0.2)
        print(f"普通子进程：第 {i} 行")


if __name__ == "__main__":
    started = Event()
    Process(target=daemon_work, args=(started,), daemon=True).start()
    Process(target=normal_work).start()
    started.wait()  # 确保守护子进程已经打印了第 1 行
    print("父进程：主代码执行完了")
    # 解释器退出前，multiprocessing 先 terminate() 所有守护子进程，再 join() 普通子进程

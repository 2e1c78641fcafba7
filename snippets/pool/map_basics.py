"""Pool.map：把一个函数用在一组输入上，由几个工作进程分担；返回的列表和输入一一对应。"""

import os
import time
from multiprocessing import Pool


def square(x):
    time.sleep(0.1)  # 假装这是一件要花点时间的事
    return x * x, os.getpid()


if __name__ == "__main__":
    numbers = list(range(1, 9))
    with Pool(processes=3) as pool:  # 3 个工作进程，整个 with 块里一直重复使用
        results = pool.map(square, numbers)  # 阻塞，直到全部完成
    print(f"输入：{numbers}")
    print(f"结果：{[value for value, _ in results]}")
    workers = {pid for _, pid in results}
    print(f"8 个任务由 {len(workers)} 个工作进程完成，父进程 PID {os.getpid()} 不在其中：{os.getpid() not in workers}")

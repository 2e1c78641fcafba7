"""initializer / initargs：每个工作进程启动时运行一次，适合做每个进程只需做一次的准备。"""

import os
import time
from multiprocessing import Pool

settings = None  # 每个工作进程各有一份，由 initializer 填上


def setup(config):
    global settings
    settings = config  # 真实程序里可能是打开数据库连接、加载一个大模型……
    print(f"工作进程 {os.getpid()}：初始化，收到 {config}")


def work(x):
    time.sleep(0.1)
    return f"{x} × {settings['factor']} = {x * settings['factor']}（工作进程 {os.getpid()}）"


if __name__ == "__main__":
    with Pool(processes=2, initializer=setup, initargs=({"factor": 10},)) as pool:
        for line in pool.map(work, range(6)):
            print(line)

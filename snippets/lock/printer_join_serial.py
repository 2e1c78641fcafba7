"""版本二：启动一个、join 一个，三个任务依次打印；先后顺序是写代码的人定死的。"""

import time
from multiprocessing import Process

PAGES = 3


def print_job(label):
    for page in range(1, PAGES + 1):
        print(f"{label}：第 {page}/{PAGES} 页")
        time.sleep(0.2)


if __name__ == "__main__":
    for i in (2, 1, 3):  # 顺序写死在代码里，与谁先准备好无关
        job = Process(target=print_job, args=(f"打印任务-{i}",), name=f"打印任务-{i}")
        job.start()
        job.join()  # 这个任务打印完，才创建下一个

"""版本一：三个打印任务同时用一台“打印机”（标准输出），谁也不等谁，各任务的页交错在一起。"""

import time
from multiprocessing import Process

PAGES = 3


def print_job(label):
    for page in range(1, PAGES + 1):
        print(f"{label}：第 {page}/{PAGES} 页")
        time.sleep(0.2)  # 打印一页要一点时间，这期间别的任务也在往打印机上送页


if __name__ == "__main__":
    jobs = [Process(target=print_job, args=(f"打印任务-{i}",), name=f"打印任务-{i}")
            for i in (1, 2, 3)]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()

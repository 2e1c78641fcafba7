"""版本三：三个任务同时启动，共用一把作为参数传入的锁；谁先拿到锁谁先打印，每个任务的页连在一起。"""

import time
from multiprocessing import Lock, Process

PAGES = 3


def print_job(label, printer_lock):
    with printer_lock:  # 同一时刻只有一个进程能进入这个代码块，其余的在这里等
        for page in range(1, PAGES + 1):
            print(f"{label}：第 {page}/{PAGES} 页")
            time.sleep(0.2)


if __name__ == "__main__":
    printer_lock = Lock()  # 在父进程里创建一把，作为参数交给每个子进程
    jobs = [Process(target=print_job, args=(f"打印任务-{i}", printer_lock), name=f"打印任务-{i}")
            for i in (1, 2, 3)]
    for job in jobs:
        job.start()
    for job in jobs:
        job.join()

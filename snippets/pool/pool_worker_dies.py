"""对比：multiprocessing.Pool 的工作进程突然死亡时，Pool 补上新的工作进程，但那个任务的结果永远不会来。"""

import os
import time
from multiprocessing import Pool, TimeoutError, active_children


def crash():
    os._exit(1)  # 模拟进程突然死亡


def square(x):
    return x * x


def worker_pids():
    return {p.pid for p in active_children()}


if __name__ == "__main__":
    with Pool(processes=2) as pool:
        before = worker_pids()
        lost = pool.apply_async(crash)
        try:
            lost.get(timeout=1)  # 不给超时的话，这里会永远等下去
        except TimeoutError:
            print(f"等了 1 秒，没有结果也没有异常：TimeoutError，ready() = {lost.ready()}")
        deadline = time.monotonic() + 5
        while worker_pids() == before and time.monotonic() < deadline:
            time.sleep(0.05)  # Pool 的后台线程在工作进程退出时被唤醒（它等着各工作进程的 sentinel），随即补上新的
        after = worker_pids()
        print(f"工作进程：之前 {len(before)} 个，之后 {len(after)} 个，其中换了新的 {len(after - before)} 个")
        print(f"Pool 还能用：square(7) = {pool.apply(square, (7,))}")

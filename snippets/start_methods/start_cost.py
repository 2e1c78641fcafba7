"""创建一个什么也不做的子进程并等它结束，三种启动方法各要多久（轮流各做三次）。"""

import multiprocessing as mp
import time


def nothing():
    pass


if __name__ == "__main__":
    methods = ("fork", "spawn", "forkserver")
    costs = {method: [] for method in methods}
    # 三种方法轮流来，一轮各创建一个：机器忽忙忽闲时，三者碰上的负载差不多
    for _ in range(3):
        for method in methods:
            start = time.perf_counter()
            child = mp.get_context(method).Process(target=nothing)
            child.start()
            child.join()
            costs[method].append((time.perf_counter() - start) * 1000)
    for method in methods:
        print(f"{method:<10} " + "  ".join(f"第 {i} 次 {ms:6.1f} 毫秒" for i, ms in enumerate(costs[method], 1)))

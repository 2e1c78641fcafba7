"""创建一个什么也不做的子进程并等它结束，三种启动方法各要多久（每种连做三次）。"""

import multiprocessing as mp
import time


def nothing():
    pass


if __name__ == "__main__":
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        costs = []
        for _ in range(3):
            start = time.perf_counter()
            child = ctx.Process(target=nothing)
            child.start()
            child.join()
            costs.append((time.perf_counter() - start) * 1000)
        print(f"{method:<10} " + "  ".join(f"第 {i} 次 {ms:6.1f} 毫秒" for i, ms in enumerate(costs, 1)))

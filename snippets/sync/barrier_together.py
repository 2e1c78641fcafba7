"""Barrier(3)：先到的进程在栅栏前等，第 3 个一到，3 个同时继续。"""

import time
from multiprocessing import Barrier, Process


def stage(name, prepare, barrier, t0):
    time.sleep(prepare)  # 各自的准备工作，快慢不一
    print(f"{name} 到达栅栏：{time.time() - t0:.2f} 秒")
    index = barrier.wait()  # 返回 0 到 parties-1 之间的一个数，每个进程各不相同
    print(f"{name} 通过栅栏：{time.time() - t0:.2f} 秒，wait() 返回 {index}")


if __name__ == "__main__":
    barrier = Barrier(3)  # parties=3：凑齐 3 个才放行
    t0 = time.time()
    stages = [Process(target=stage, args=(f"阶段-{i}", prepare, barrier, t0))
              for i, prepare in [(1, 0.1), (2, 0.4), (3, 0.7)]]
    for s in stages:
        s.start()
    for s in stages:
        s.join()

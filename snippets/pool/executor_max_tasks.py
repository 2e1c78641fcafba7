"""ProcessPoolExecutor(max_tasks_per_child=2)（3.11 新增）：工作进程做完 2 个任务就换新的。"""

import os
import time
from collections import Counter
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import current_process


def work(i):
    time.sleep(0.1)
    return os.getpid(), type(current_process()).__name__


if __name__ == "__main__":
    # 没给 mp_context：设置了 max_tasks_per_child 时默认用 spawn（它不能和 fork 一起用）
    with ProcessPoolExecutor(max_workers=2, max_tasks_per_child=2) as executor:
        # 逐个提交、等结果再提交下一个：3.13 及以前一次提交许多任务会碰上一个已知的卡死问题（见正文）
        results = [executor.submit(work, i).result() for i in range(6)]
    print(f"工作进程的类型：{sorted({kind for _, kind in results})}")
    for pid, done in sorted(Counter(pid for pid, _ in results).items()):
        print(f"工作进程 {pid} 做了 {done} 个任务")
    print(f"6 个任务先后用了 {len({pid for pid, _ in results})} 个工作进程")

# snippet: requires=3.11

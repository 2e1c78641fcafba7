"""工作进程突然死亡：ProcessPoolExecutor 整个坏掉，没完成的任务和之后的提交都得到 BrokenProcessPool。"""

import os
import time
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def crash():
    time.sleep(0.2)  # 留出时间，让父进程把下一个任务也提交上去
    os._exit(1)  # 模拟进程突然死亡：被系统的 OOM killer 杀掉、C 扩展崩溃……来不及抛出任何异常


def slow(seconds):
    time.sleep(seconds)
    return "完成"


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as executor:
        doomed = executor.submit(crash)
        queued = executor.submit(slow, 0.1)  # 只有一个工作进程：这个任务排在后面，还没开始
        for label, future in [("崩溃的任务", doomed), ("排在后面的任务", queued)]:
            try:
                print(f"{label}：{future.result()}")
            except BrokenProcessPool as error:
                print(f"{label}：{type(error).__name__}: {error}")
        try:
            executor.submit(slow, 0.1)
        except BrokenProcessPool as error:
            print(f"再提交新任务：{type(error).__name__}: {error}")
    print("要继续工作，只能新建一个执行器")
    with ProcessPoolExecutor(max_workers=1) as executor:
        print(f"新执行器：{executor.submit(slow, 0.1).result()}")

"""等待型（I/O 密集）的任务：串行、线程池、进程池、asyncio 各做一遍，比较耗时。"""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor, ThreadPoolExecutor

TASKS = 8
WAIT = 0.1  # 每个任务要等 0.1 秒，比如等一次网络响应；等待时不占 CPU


def fetch(i):
    time.sleep(WAIT)
    return i


async def fetch_async(i):
    await asyncio.sleep(WAIT)  # 等待时把控制权交还事件循环
    return i


async def fetch_all(count):
    return await asyncio.gather(*(fetch_async(i) for i in range(count)))


def timed(run):
    start = time.perf_counter()
    run()
    return time.perf_counter() - start


if __name__ == "__main__":
    print(f"{TASKS} 个任务，每个等 {WAIT} 秒：")
    serial = timed(lambda: [fetch(i) for i in range(TASKS)])
    print(f"  串行：  {serial:.2f} 秒")

    with ThreadPoolExecutor(max_workers=TASKS) as pool:
        threads = timed(lambda: list(pool.map(fetch, range(TASKS))))
    print(f"  线程池：{threads:.2f} 秒（{TASKS} 个线程）")

    # 这次把创建进程也算进去：为了“等”而开进程，这笔开销省不掉
    def with_processes():
        with ProcessPoolExecutor(max_workers=TASKS) as pool:
            list(pool.map(fetch, range(TASKS)))

    print(f"  进程池：{timed(with_processes):.2f} 秒（{TASKS} 个进程，含创建进程）")
    print(f"  asyncio：{timed(lambda: asyncio.run(fetch_all(TASKS))):.2f} 秒（1 个线程）")

    many = 5_000  # 协程只是 Python 对象：几千个也只多出零点几秒的调度开销
    print(f"asyncio 同时等 {many} 个任务：{timed(lambda: asyncio.run(fetch_all(many))):.2f} 秒")

# snippet: timeout=30

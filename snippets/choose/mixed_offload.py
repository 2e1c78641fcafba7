"""asyncio 程序里的计算：直接在事件循环里算会卡住所有协程，交给进程池就不会。"""

import asyncio
import time
from concurrent.futures import ProcessPoolExecutor

N = 12_000_000  # 计算量要足够大（零点几秒），心跳被卡住的时间才一眼可见
TICK = 0.1  # 心跳协程每 0.1 秒醒一次；它醒得晚了，说明事件循环被卡住了


def sum_of_squares(n):
    total = 0
    for i in range(n):
        total += i * i
    return total


async def heartbeat(stop, gaps):
    last = time.perf_counter()
    while not stop.is_set():
        await asyncio.sleep(TICK)
        now = time.perf_counter()
        gaps.append(now - last)
        last = now


async def measure(label, compute):
    stop, gaps = asyncio.Event(), []
    beat = asyncio.create_task(heartbeat(stop, gaps))
    await asyncio.sleep(2 * TICK)  # 先让心跳跑起来
    start = time.perf_counter()
    await compute()
    elapsed = time.perf_counter() - start
    stop.set()
    await beat
    print(f"{label}：计算 {elapsed:.2f} 秒，期间心跳最长间隔 {max(gaps):.2f} 秒")


async def main():
    async def in_loop():
        sum_of_squares(N)  # 没有 await：整段计算期间事件循环无法切换到别的协程

    await measure("在事件循环里直接算", in_loop)

    loop = asyncio.get_running_loop()
    with ProcessPoolExecutor(max_workers=1) as pool:
        await loop.run_in_executor(pool, time.sleep, 0)  # 先把工作进程启动好
        await measure("交给进程池", lambda: loop.run_in_executor(pool, sum_of_squares, N))


if __name__ == "__main__":
    asyncio.run(main())

# snippet: alone retries=2

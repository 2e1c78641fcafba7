"""两个协程在同一个线程里轮流运行，只在 await 处切换；不 await 的阻塞调用会卡住所有协程。"""

import asyncio
import threading
import time


async def wait_for_data(label, blocking):
    print(f"  {label} 开始等待（线程号 {threading.get_native_id()}）")
    if blocking:
        time.sleep(0.3)  # 没有 await：整个线程停在这里，事件循环没有机会去运行别的协程
    else:
        await asyncio.sleep(0.3)  # 在这里让出控制权，事件循环趁机运行别的协程
    print(f"  {label} 等待结束")


async def run_both(blocking):
    start = time.perf_counter()
    await asyncio.gather(wait_for_data("协程A", blocking), wait_for_data("协程B", blocking))
    return time.perf_counter() - start


if __name__ == "__main__":
    print("用 await asyncio.sleep(0.3) 等待：")
    print(f"  共用 {asyncio.run(run_both(blocking=False)):.2f} 秒")
    print("用 time.sleep(0.3) 等待（不 await）：")
    print(f"  共用 {asyncio.run(run_both(blocking=True)):.2f} 秒")

"""shutdown() 的两个参数：wait 决定等不等，cancel_futures 决定还在排队的任务做不做。"""

import time
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Event


def remember(event):
    global started
    started = event


def first():
    started.set()
    time.sleep(0.3)


def work():
    time.sleep(0.05)


def settle(futures):
    """等每个 Future 都有结局（做完或被取消）。不用 wait()：它认不出被 shutdown 取消的 Future，见下一节。"""
    deadline = time.monotonic() + 10
    while not all(f.done() for f in futures) and time.monotonic() < deadline:
        time.sleep(0.01)


if __name__ == "__main__":
    for wait, cancel_futures in [(True, False), (False, False), (True, True), (False, True)]:
        started = Event()
        pool = ProcessPoolExecutor(max_workers=1, initializer=remember, initargs=(started,))
        futures = [pool.submit(first)]
        started.wait(timeout=10)  # 任务 0 已经在执行
        futures += [pool.submit(work) for _ in range(5)]
        deadline = time.monotonic() + 5
        while not futures[2].running() and time.monotonic() < deadline:
            time.sleep(0.01)  # 同上一节：任务 1、2 已经交到调用队列
        began = time.perf_counter()
        pool.shutdown(wait=wait, cancel_futures=cancel_futures)
        returned = time.perf_counter() - began
        settle(futures)
        done = sum(not f.cancelled() for f in futures)
        print(f"wait={wait!s:5} cancel_futures={cancel_futures!s:5}："
              f"{returned:.2f} 秒后返回，做了 {done} 个，取消 {len(futures) - done} 个")

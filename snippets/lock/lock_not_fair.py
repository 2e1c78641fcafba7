"""锁不保证先来先得：任务A 一释放就马上再要，早已在等的任务B 常常还是拿不到。"""

import time
from multiprocessing import Event, Lock, Process


def greedy(lock, holding):
    for n in range(1, 11):
        with lock:
            print(f"任务A：第 {n} 次拿到锁")
            holding.set()  # 告诉任务B：任务A 已经拿着锁了
            time.sleep(0.1)
        # 释放之后立刻进入下一轮，再次请求锁


def patient(lock, holding):
    holding.wait()  # 让任务A 先拿到锁：任务A 几乎一直拿着锁，任务B 每次都是在它持锁时来请求的
    for n in range(1, 4):
        print(f"任务B：第 {n} 次请求锁")
        with lock:
            print(f"任务B：第 {n} 次拿到锁")
            time.sleep(0.05)
        time.sleep(0.15)


if __name__ == "__main__":
    lock, holding = Lock(), Event()
    workers = [Process(target=greedy, args=(lock, holding), name="任务A"),
               Process(target=patient, args=(lock, holding), name="任务B")]
    for w in workers:
        w.start()
    for w in workers:
        w.join()

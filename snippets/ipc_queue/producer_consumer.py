"""一个生产者进程、两个消费者进程：每件数据只被取走一次，哨兵值 None 每个消费者一个。"""

import time
from multiprocessing import Process, Queue

CONSUMERS = 2
ITEMS = 10


def producer(q):
    for n in range(1, ITEMS + 1):
        q.put(n)
    # 每个消费者都要收到一个哨兵值，否则总有一个会永远等在 get() 上
    for _ in range(CONSUMERS):
        q.put(None)
    print(f"生产者：放入 {ITEMS} 件数据和 {CONSUMERS} 个哨兵值 None")


def consumer(q, name):
    done = []
    while True:
        item = q.get()
        if item is None:
            break
        time.sleep(0.05)  # 模拟处理每件数据要花的时间
        done.append(item)
    print(f"{name}：收到哨兵值，处理了 {len(done)} 件：{done}")


if __name__ == "__main__":
    q = Queue()
    workers = [Process(target=consumer, args=(q, f"消费者-{i}")) for i in range(1, CONSUMERS + 1)]
    workers.append(Process(target=producer, args=(q,)))
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print("父进程：所有进程都已结束")

"""cancel_join_thread()：进程退出时不再等喂数据线程。不会卡在退出上了，代价是缓冲区里的数据丢掉。"""

import queue
from multiprocessing import Process, Queue

ITEMS = 1000


def produce(q):
    q.cancel_join_thread()
    for i in range(ITEMS):
        q.put((i, "x" * 1000))


if __name__ == "__main__":
    q = Queue()
    p = Process(target=produce, args=(q,))
    p.start()
    p.join(timeout=5)
    print(f"父进程：子进程已退出（is_alive() = {p.is_alive()}，退出码 {p.exitcode}），还没取过数据")
    received = []
    try:
        while True:
            received.append(q.get(timeout=0.3)[0])
    except queue.Empty:
        pass
    got = f"编号 {received[0]}…{received[-1]}" if received else "一件也没有"
    print(f"父进程：放了 {ITEMS} 件，只取到 {len(received)} 件（{got}）")

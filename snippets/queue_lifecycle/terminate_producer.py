"""terminate() 一个生产者：它的 put() 早就返回了，可缓冲区里的数据跟着进程一起没了，队列的写锁也留在了它手里。"""

import queue
import time
from multiprocessing import Event, Process, Queue

ITEMS = 1000


def produce(q, all_put):
    for i in range(ITEMS):
        q.put((i, "x" * 1000))
    all_put.set()  # 所有 put() 都返回了
    time.sleep(10)  # 还在忙别的事……


if __name__ == "__main__":
    q = Queue()
    all_put = Event()
    p = Process(target=produce, args=(q, all_put))
    p.start()
    all_put.wait(timeout=5)
    time.sleep(0.2)  # 给喂数据线程一点时间：它能写多少就写了多少
    p.terminate()
    p.join()
    print(f"生产者的 {ITEMS} 次 put() 都已返回；terminate() 之后退出码 {p.exitcode}")
    received = []
    try:
        while True:
            received.append(q.get(timeout=0.3)[0])
    except queue.Empty:
        pass
    got = f"编号 {received[0]}…{received[-1]}" if received else "一件也没有"
    print(f"取到 {len(received)} 件（{got}），其余 {ITEMS - len(received)} 件丢了")

    q.put("父进程放的一件")
    try:
        print(f"父进程自己再放一件，取到 {q.get(timeout=0.5)!r}")
    except queue.Empty:
        print("父进程自己再放一件，0.5 秒内也取不到：写锁还在死去的生产者手里")
    q.cancel_join_thread()  # 否则父进程退出时要等自己的喂数据线程，而它永远拿不到写锁

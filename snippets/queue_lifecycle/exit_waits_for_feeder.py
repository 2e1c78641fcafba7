"""放过数据的进程，退出前要等喂数据线程把缓冲区写完；没人取，它就退不出去。"""

import time
from multiprocessing import Event, Process, Queue

ITEMS = 1000  # 每件约 1 KB，一共约 1 MB，远多于管道的容量（Linux 上默认 64 KiB）


def produce(q, finished):
    for i in range(ITEMS):
        q.put((i, "x" * 1000))
    print(f"子进程：{ITEMS} 次 put() 都返回了，函数结束")
    finished.set()


if __name__ == "__main__":
    q = Queue()
    finished = Event()
    p = Process(target=produce, args=(q, finished))
    p.start()
    finished.wait(timeout=5)
    p.join(timeout=0.5)  # 错误的顺序：先 join，再取数据。不加 timeout 就是死锁
    print(f"父进程：子进程的函数已经结束，join(timeout=0.5) 之后 is_alive() = {p.is_alive()}")
    began = time.perf_counter()
    received = [q.get(timeout=5) for _ in range(ITEMS)]  # 取走数据，子进程才能写完
    p.join(timeout=5)
    print(f"父进程：取到 {len(received)} 件，又过了 {time.perf_counter() - began:.2f} 秒，子进程退出码 {p.exitcode}")

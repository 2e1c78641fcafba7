"""close() 宣布本进程不再放数据；join_thread() 等喂数据线程把缓冲区全部写进管道。进程退出时会自动做这两步。"""

import re
import time
from multiprocessing import Event, Process, Queue

ITEMS = 1000


def produce(q, closed):
    for i in range(ITEMS):
        q.put((i, "x" * 1000))
    q.close()
    try:
        q.put("再来一件")
    except ValueError as error:
        print(f"子进程：close() 之后再 put()：ValueError: {re.sub('<.*>', '<…>', str(error))}")
    closed.set()
    began = time.perf_counter()
    q.join_thread()  # 等到最后一件写进管道：父进程取走前面的数据、腾出位置之后
    print(f"子进程：join_thread() 等了 {time.perf_counter() - began:.2f} 秒")


if __name__ == "__main__":
    q = Queue()
    closed = Event()
    p = Process(target=produce, args=(q, closed))
    p.start()
    closed.wait(timeout=5)
    time.sleep(0.3)  # 父进程先忙别的，0.3 秒后才开始取
    received = [q.get(timeout=5) for _ in range(ITEMS)]
    p.join(timeout=5)
    print(f"父进程：取到 {len(received)} 件，子进程退出码 {p.exitcode}")

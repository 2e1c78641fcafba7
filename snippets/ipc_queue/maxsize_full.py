"""Queue(maxsize=2) 装满之后：put(block=False) 立即抛出 queue.Full，put(timeout=...) 等到超时再抛。"""

import queue
import time
from multiprocessing import Queue

if __name__ == "__main__":
    q = Queue(maxsize=2)
    q.put("任务A")
    q.put("任务B")
    print("放入 2 件，队列已满")

    start = time.perf_counter()
    try:
        q.put("任务C", block=False)
    except queue.Full:
        print(f"put(block=False)：{time.perf_counter() - start:.2f} 秒后抛出 queue.Full")

    start = time.perf_counter()
    try:
        q.put("任务C", timeout=0.3)
    except queue.Full:
        print(f"put(timeout=0.3)：{time.perf_counter() - start:.2f} 秒后抛出 queue.Full")

    # 取走一件，腾出一个位置，put 就能成功了
    print("取出：", q.get())
    q.put("任务C", timeout=0.3)
    print("再 put 任务C：成功")
    print("剩下的依次是：", q.get(), q.get())

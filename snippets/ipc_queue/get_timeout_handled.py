"""queue.Empty 来自标准库的 queue 模块：捕获它，程序就能继续。"""

import queue  # Empty、Full 这两个异常定义在这里，不在 multiprocessing 里
import time
from multiprocessing import Queue

if __name__ == "__main__":
    q = Queue()

    start = time.perf_counter()
    try:
        q.get(timeout=0.3)
    except queue.Empty:
        print(f"get(timeout=0.3)：等了 {time.perf_counter() - start:.2f} 秒，抛出 queue.Empty")

    start = time.perf_counter()
    try:
        q.get(block=False)  # 等价于 q.get_nowait()
    except queue.Empty:
        print(f"get(block=False)：等了 {time.perf_counter() - start:.2f} 秒，立即抛出 queue.Empty")

    print("异常已处理，程序继续运行")

"""put() 只把对象交给本进程的缓冲区就返回；喂数据线程封存（pickle）好、写进管道之后，别人才取得到。"""

import queue
import time
from multiprocessing import Queue


class Bulky:
    """封存要 0.3 秒的对象，代表一件很大的数据。"""

    def __reduce__(self):
        time.sleep(0.3)  # 这段时间花在喂数据线程里，不在调用 put() 的线程里
        return Bulky, ()


if __name__ == "__main__":
    q = Queue()
    began = time.perf_counter()
    q.put(Bulky())
    print(f"put() 用了 {time.perf_counter() - began:.3f} 秒就返回了")
    try:
        size = q.qsize()
    except NotImplementedError:  # macOS 上没有 qsize()
        size = "（本平台不支持）"
    print(f"紧接着：qsize() = {size}，empty() = {q.empty()}")
    try:
        q.get_nowait()
    except queue.Empty:
        print("get_nowait()：queue.Empty，数据还没进管道")
    item = q.get(timeout=5)
    print(f"get() 在 {time.perf_counter() - began:.2f} 秒时才拿到 {type(item).__name__}")

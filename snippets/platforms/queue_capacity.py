import multiprocessing as mp
import queue
from multiprocessing.synchronize import SEM_VALUE_MAX

if __name__ == "__main__":
    # Queue() 用一个信号量数还能放几项；
    # 不给 maxsize 时，容量就是 SEM_VALUE_MAX
    print(f"本机的 SEM_VALUE_MAX = {SEM_VALUE_MAX}")
    q = mp.Queue(maxsize=2)  # 容量小得多的队列，满了以后的行为是一样的
    q.put("a")
    q.put("b")
    try:
        q.put("c", timeout=0.2)
    except queue.Full:
        print("第 3 次 put()：等了 0.2 秒，queue.Full")

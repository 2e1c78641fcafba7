"""shutdown(wait=False) 立即返回，可程序并不会因此早点结束：解释器退出前还是要等交出去的任务做完。"""

import atexit
import time
from concurrent.futures import ProcessPoolExecutor


def work():
    time.sleep(0.2)


if __name__ == "__main__":
    began = time.perf_counter()
    pool = ProcessPoolExecutor(max_workers=1)
    for _ in range(3):
        pool.submit(work)
    pool.shutdown(wait=False)
    # atexit 处理函数在 concurrent.futures 等完工作进程之后才运行
    atexit.register(lambda: print(f"{time.perf_counter() - began:.2f} 秒：解释器退出"))
    print(f"{time.perf_counter() - began:.2f} 秒：shutdown(wait=False) 返回，主程序的最后一行")

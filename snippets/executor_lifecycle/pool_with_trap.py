"""multiprocessing.Pool 的 with 块结束时调用 terminate()：块里提交的异步任务没做完就被丢掉了。"""

import time
from multiprocessing import Pool, TimeoutError


def work(i):
    time.sleep(0.1)
    return i * i


if __name__ == "__main__":
    with Pool(2) as pool:
        pending = pool.map_async(work, range(6))
    # 离开 with 块时进程池已经 terminate()，工作进程都结束了
    print(f"with 块之后：ready() = {pending.ready()}")
    try:
        pending.get(timeout=0.5)  # 不加 timeout 就永远等下去
    except TimeoutError:
        print("get(timeout=0.5)：TimeoutError，结果永远不会来")

    pool = Pool(2)
    pending = pool.map_async(work, range(6))
    pool.close()  # 不再接受新任务
    pool.join()  # 等已提交的任务做完、工作进程退出
    print(f"close() + join() 之后：ready() = {pending.ready()}，结果 {pending.get()}")

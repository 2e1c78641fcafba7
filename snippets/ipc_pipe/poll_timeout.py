"""poll(timeout)：最多等 timeout 秒，只回答“有没有数据可读”，不取数据。"""

import time
from multiprocessing import Pipe, Process


def slow_worker(conn):
    conn.recv()  # 等父进程说“开始”，这样计时与子进程启动要多久无关
    time.sleep(0.5)  # 模拟一件要做 0.5 秒的工作
    conn.send("任务A 的结果")
    conn.close()


if __name__ == "__main__":
    parent_end, child_end = Pipe()
    p = Process(target=slow_worker, args=(child_end,))
    p.start()
    child_end.close()

    start = time.perf_counter()
    parent_end.send("开始")
    print(f"poll()（不等）：{parent_end.poll()}")
    while not parent_end.poll(0.2):  # 没数据也只等 0.2 秒，期间可以做别的事
        print(f"  poll(0.2) -> False，已过 {time.perf_counter() - start:.2f} 秒，先做点别的")
    print(f"poll(0.2) -> True，已过 {time.perf_counter() - start:.2f} 秒")
    print("recv()：", parent_end.recv())
    p.join()

"""先全部 start()，再逐个 join()：总耗时约等于最长的那个子进程。"""

import time
from multiprocessing import Process


def work(label, seconds):
    time.sleep(seconds)
    print(f"  {label} 完成（{seconds} 秒）")


if __name__ == "__main__":
    start = time.perf_counter()
    workers = [Process(target=work, args=(f"任务{c}", s)) for c, s in [("A", 0.6), ("B", 0.4), ("C", 0.2)]]
    for w in workers:
        w.start()
    for w in workers:
        w.join()  # 等 A 的 0.6 秒时，B 和 C 早已结束；它们的 join() 立即返回
        print(f"{w.name} 已 join，此时 {time.perf_counter() - start:.2f} 秒")
    print(f"总耗时 {time.perf_counter() - start:.2f} 秒（≈ 最长的 0.6 秒）")

"""先全部 start()，再逐个 join()：总耗时约等于最长的那个子进程。"""

import time
from multiprocessing import Barrier, Process


def work(label, seconds, start_line):
    # 三个子进程和父进程都到齐了才一起开始：子进程启动得有快有慢（机器忙时可差零点几秒），
    # 不等齐的话，完成的先后就不只取决于各自要做多久
    start_line.wait()
    time.sleep(seconds)
    print(f"  {label} 完成（{seconds} 秒）")


if __name__ == "__main__":
    start_line = Barrier(4)  # 3 个子进程 + 父进程
    workers = [Process(target=work, args=(f"任务{c}", s, start_line)) for c, s in [("A", 0.6), ("B", 0.4), ("C", 0.2)]]
    for w in workers:
        w.start()
    start_line.wait()
    start = time.perf_counter()  # 从一起开始的那一刻计时，创建进程的开销不算在内
    for w in workers:
        w.join()  # 等 A 的 0.6 秒时，B 和 C 早已结束；它们的 join() 立即返回
        print(f"{w.name} 已 join，此时 {time.perf_counter() - start:.2f} 秒")
    print(f"总耗时 {time.perf_counter() - start:.2f} 秒（≈ 最长的 0.6 秒）")

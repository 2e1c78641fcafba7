"""常见错误：在同一个循环里 start() 又 join()，并发就变成了串行。"""

import time
from multiprocessing import Process

SECONDS = [0.2, 0.2, 0.2]


def work(i, seconds):
    time.sleep(seconds)
    print(f"  子进程 {i} 完成")


if __name__ == "__main__":
    # 先启动并等一个什么也不做的子进程：forkserver 下这会先把 fork 服务器启动好，
    # 下面两种写法的计时都不含这个一次性的开销
    warm_up = Process(target=time.sleep, args=(0,), name="预热")
    warm_up.start()
    warm_up.join()

    print("错误写法：每启动一个就等它结束")
    start = time.perf_counter()
    for i, s in enumerate(SECONDS):
        p = Process(target=work, args=(i, s))
        p.start()
        p.join()  # 下一个子进程要等这个结束后才会被创建
    print(f"  耗时 {time.perf_counter() - start:.2f} 秒（任务之和 {sum(SECONDS):.1f} 秒，另加创建进程）")

    print("正确写法：先全部启动，再全部等待")
    start = time.perf_counter()
    workers = []
    for i, s in enumerate(SECONDS):
        p = Process(target=work, args=(i, s))
        p.start()
        workers.append(p)
    for p in workers:
        p.join()
    print(f"  耗时 {time.perf_counter() - start:.2f} 秒（最长的任务 {max(SECONDS):.1f} 秒，另加创建进程）")

"""上下文（context）：每种启动方法一个，各有自己的 Process、Queue、Pool；ProcessPoolExecutor 用 mp_context 指定。"""

import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor


def whoami():
    # 子进程里的 current_process() 就是父进程创建的那个进程对象，它的类名说明了启动方法
    return type(mp.current_process()).__name__


def report(queue):
    queue.put(whoami())


if __name__ == "__main__":
    print(f"本机可用的启动方法：{mp.get_all_start_methods()}")
    print(f"默认的启动方法：{mp.get_start_method()}")
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        queue = ctx.Queue()  # 队列、锁等也要从同一个上下文创建
        child = ctx.Process(target=report, args=(queue,))
        child.start()
        by_process = queue.get()
        child.join()
        with ctx.Pool(processes=1) as pool:
            by_pool = pool.apply(whoami)
        with ProcessPoolExecutor(max_workers=1, mp_context=ctx) as executor:
            by_executor = executor.submit(whoami).result()
        print(f"get_context({method!r})：Process → {by_process}，Pool → {by_pool}，"
              f"ProcessPoolExecutor → {by_executor}")

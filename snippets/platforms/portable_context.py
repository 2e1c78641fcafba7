import multiprocessing as mp
import os


def make_context():
    """各平台都能用：有 forkserver 就用它，否则 spawn；不假设有 fork。"""
    methods = mp.get_all_start_methods()
    method = "forkserver" if "forkserver" in methods else "spawn"
    return mp.get_context(method)


def work():
    return os.getpid()


if __name__ == "__main__":
    print(f"本机可用的启动方法：{mp.get_all_start_methods()}")
    ctx = make_context()
    with ctx.Pool(1) as pool:
        pid = pool.apply(work)
    print(f"选用 {ctx.get_start_method()}，"
          f"工作进程 PID {pid} ≠ 本进程 {os.getpid()}")

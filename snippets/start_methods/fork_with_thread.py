"""fork 只复制调用它的那个线程：另一个线程当时拿着的锁，在子进程里永远不会被释放。"""

import multiprocessing as mp
import threading
import warnings

# 模块级的锁：好比日志模块、某个库内部用的锁
LOCK = threading.Lock()


def hold_lock(locked, done):
    with LOCK:
        locked.set()
        done.wait()  # 一直拿着锁，直到主线程把三个子进程都创建完


def try_lock(method):
    got = LOCK.acquire(timeout=0.3)
    print(f"{method:<10} 子进程：线程数 {threading.active_count()}，0.3 秒内拿到锁：{got}")


if __name__ == "__main__":
    # DeprecationWarning 默认不显示；打开它，在 Python 3.12+ 上就能看到 fork 的警告
    warnings.simplefilter("default", DeprecationWarning)
    locked, done = threading.Event(), threading.Event()
    helper = threading.Thread(target=hold_lock, args=(locked, done))
    helper.start()
    locked.wait()  # 确认后台线程已经拿到锁，再创建子进程
    print(f"父进程：线程数 {threading.active_count()}，锁被后台线程拿着：{LOCK.locked()}")
    for method in ("fork", "spawn", "forkserver"):
        child = mp.get_context(method).Process(target=try_lock, args=(method,))
        child.start()
        child.join()
    done.set()
    helper.join()
    print(f"父进程：后台线程结束后，锁被拿着：{LOCK.locked()}")

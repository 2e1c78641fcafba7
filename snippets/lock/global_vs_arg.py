"""锁要作为参数传给子进程：模块级的全局锁，在 spawn / forkserver 下子进程里拿到的是另一把锁。"""

from multiprocessing import Lock, Process

GLOBAL_LOCK = Lock()  # 导入本模块时创建；spawn 下子进程会重新导入本模块，于是又创建一把


def probe(arg_lock):
    for label, lock in (("全局变量里的锁", GLOBAL_LOCK), ("参数传进来的锁", arg_lock)):
        got = lock.acquire(timeout=0.2)  # 父进程正拿着这两把锁：如果是同一把，这里拿不到
        verdict = "拿到了 → 与父进程的不是同一把锁" if got else "拿不到 → 就是父进程手里那把"
        print(f"子进程试{label}：{verdict}")
        if got:
            lock.release()


if __name__ == "__main__":
    arg_lock = Lock()
    with GLOBAL_LOCK, arg_lock:  # 父进程先把两把锁都拿在手里
        child = Process(target=probe, args=(arg_lock,))
        child.start()
        child.join()

"""同一个进程对 Lock 加锁两次会把自己锁死；RLock 可以重复加锁，但要释放同样多次。"""

from multiprocessing import Lock, RLock

if __name__ == "__main__":
    lock = Lock()
    print(f"Lock  第一次 acquire()：{lock.acquire()}")
    # 锁在自己手里，不会有人释放它：不带 timeout 的第二次 acquire() 会永远等下去
    print(f"Lock  第二次 acquire(timeout=0.5)：{lock.acquire(timeout=0.5)}")
    lock.release()

    rlock = RLock()
    print(f"RLock 第一次 acquire()：{rlock.acquire()}")
    print(f"RLock 第二次 acquire()：{rlock.acquire()}，{rlock!r}")
    rlock.release()
    print(f"释放一次后：{rlock!r}")
    rlock.release()
    print(f"释放两次后：{rlock!r}")

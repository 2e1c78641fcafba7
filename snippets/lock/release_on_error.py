"""临界区里抛出异常时：手动 acquire()/release() 的锁再也不会被释放，with 语句则一定会释放。"""

from multiprocessing import Lock, Process


def risky_work():
    raise ValueError("处理到一半出错了")


def manual(lock):
    lock.acquire()
    risky_work()
    lock.release()  # 上一行抛出异常，这一行执行不到


def with_statement(lock):
    with lock:  # 离开 with 块时一定会释放，不论是正常结束还是抛出异常
        risky_work()


def run_job(job, lock):
    try:
        job(lock)
    except ValueError as error:
        print(f"  子进程（{job.__name__}）：{error}，进程照常结束")


if __name__ == "__main__":
    for job in (manual, with_statement):
        lock = Lock()
        child = Process(target=run_job, args=(job, lock))
        child.start()
        child.join()
        got = lock.acquire(timeout=0.5)
        print(f"{job.__name__}：子进程已结束，父进程 acquire(timeout=0.5) → {got}")

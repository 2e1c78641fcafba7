"""faulthandler.register(SIGUSR1)：父进程发一个信号，卡住的工作进程就打印自己的栈，然后接着卡着。"""

import faulthandler
import multiprocessing as mp
import os
import signal
import time


def wait_for_lock(lock):
    with lock:  # 父进程一直拿着这把锁
        pass


def worker(lock, ready):
    faulthandler.register(signal.SIGUSR1, all_threads=False)  # 收到 SIGUSR1 就打印当前线程的栈
    ready.set()
    wait_for_lock(lock)


if __name__ == "__main__":
    lock, ready = mp.Lock(), mp.Event()
    lock.acquire()
    p = mp.Process(target=worker, args=(lock, ready))
    p.start()
    ready.wait(5)
    time.sleep(0.2)  # 让它走进 wait_for_lock
    print(f"父进程：向 {p.pid} 发送 SIGUSR1", flush=True)
    os.kill(p.pid, signal.SIGUSR1)  # 命令行里等价于 kill -USR1 <PID>
    time.sleep(0.2)
    print(f"父进程：它还活着吗？{p.is_alive()}")
    lock.release()  # 放它过去
    p.join()
    print(f"父进程：工作进程的 exitcode：{p.exitcode}")

"""faulthandler.dump_traceback_later()：工作进程超时没做完，就把自己卡在哪里打印出来并退出。"""

import faulthandler
import multiprocessing as mp


def worker(lock):
    # 0.5 秒后还没取消，就把所有线程的栈打印到 stderr，然后以退出码 1 结束本进程
    faulthandler.dump_traceback_later(0.5, exit=True)
    with lock:  # 父进程一直拿着这把锁：卡在这里
        pass
    faulthandler.cancel_dump_traceback_later()  # 按时完成就取消（这里走不到）


if __name__ == "__main__":
    lock = mp.Lock()
    lock.acquire()
    p = mp.Process(target=worker, args=(lock,))
    p.start()
    p.join(timeout=5)
    print(f"工作进程的 exitcode：{p.exitcode}")
    lock.release()

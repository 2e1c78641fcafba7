"""sys.remote_exec()（3.14 起）：让另一个正在运行的 Python 进程执行一个脚本文件。"""

import multiprocessing as mp
import os
import sys
import tempfile
import time

PROBE = """
import os, sys, traceback
print(f"[远程脚本] 在 PID {os.getpid()} 里运行，调用栈的最后几层：")
traceback.print_stack(file=sys.stdout, limit=3)
"""


def worker(lock):
    with lock:  # 父进程拿着锁：卡在这里
        print("工作进程：拿到锁了")


if __name__ == "__main__":
    lock = mp.Lock()
    lock.acquire()
    p = mp.Process(target=worker, args=(lock,))
    p.start()
    time.sleep(0.3)
    with tempfile.TemporaryDirectory() as tmp:
        probe = os.path.join(tmp, "probe.py")
        with open(probe, "w", encoding="utf-8") as f:
            f.write(PROBE)
        sys.remote_exec(p.pid, probe)  # 只是登记：立即返回，脚本由目标进程在下一个安全点执行
        print(f"父进程：remote_exec({p.pid}, ...) 已返回")
        time.sleep(0.5)
        print("父进程：0.5 秒过去了，现在释放锁")
        lock.release()
        p.join()  # 等它执行完脚本，再删除脚本文件
    print(f"父进程：工作进程的 exitcode：{p.exitcode}")
# snippet: requires=3.14

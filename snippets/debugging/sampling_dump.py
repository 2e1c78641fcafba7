"""python -m profiling.sampling dump PID（3.15 起）：不需要目标进程配合，读出它此刻的调用栈。"""

import multiprocessing as mp
import subprocess
import sys
import time


def wait_for_lock(lock):
    with lock:  # 父进程一直拿着这把锁
        pass


def worker(lock):
    wait_for_lock(lock)


def ptrace_scope():
    try:
        with open("/proc/sys/kernel/yama/ptrace_scope") as f:
            return f.read().strip()
    except FileNotFoundError:
        return "没有这个文件（内核没有启用 Yama）"


if __name__ == "__main__":
    print(f"ptrace_scope：{ptrace_scope()}")
    lock = mp.Lock()
    lock.acquire()
    p = mp.Process(target=worker, args=(lock,))
    p.start()
    time.sleep(0.5)
    dump = subprocess.run([sys.executable, "-m", "profiling.sampling", "dump", str(p.pid)],
                          capture_output=True, text=True, timeout=10)
    print((dump.stdout + dump.stderr).rstrip())
    print(f"dump 的退出码：{dump.returncode}")
    lock.release()
    p.join()
    print(f"工作进程的 exitcode：{p.exitcode}")
# snippet: requires=3.15

"""一棵进程树只有一个资源追踪器：父进程和子进程都向它登记，泄漏由它在最后统一清理。"""

import multiprocessing as mp
import os
from multiprocessing import resource_tracker, shared_memory


def tracker_pipe():
    # getfd() 返回本进程通往追踪器的管道的写端（未写入文档的函数，这里只用来观察）
    return os.readlink(f"/proc/self/fd/{resource_tracker.getfd()}")


def leak(who):
    shm = shared_memory.SharedMemory(create=True, size=16)
    print(f"{who}：创建 {shm.name}，管道 {tracker_pipe()}")
    shm.close()  # 只关闭自己的连接，故意不 unlink


def trackers_of(pid):
    """父进程是 pid 的资源追踪器（从 /proc 里找）。"""
    found = []
    for entry in os.listdir("/proc"):
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
            with open(f"/proc/{entry}/cmdline", "rb") as f:
                args = f.read().decode().split("\0")
        except (OSError, ValueError):
            continue
        if ppid == pid and args[-2].startswith("from multiprocessing.resource_tracker"):
            found.append((int(entry), args[-2]))
    return found


if __name__ == "__main__":
    leak("父进程")  # 第一次需要时，父进程启动追踪器
    children = [mp.Process(target=leak, args=(f"子进程 {i}",)) for i in (1, 2)]
    for p in children:
        p.start()
    for p in children:
        p.join()
    for pid, command in trackers_of(os.getpid()):
        print(f"追踪器：PID {pid}，运行的是\n  {command}")
    print("父进程结束")

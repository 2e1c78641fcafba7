"""子进程退出后、被 join() 回收之前是僵尸（状态 Z），连 SIGKILL 也杀不掉；回收之后，/proc 里就没有它了。"""

import os
import signal
import time
from multiprocessing import Process
from multiprocessing.connection import wait


def state(pid):
    """/proc/<pid>/stat 里的进程状态（Linux）：R 运行、S 睡眠、Z 僵尸……"""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]  # 进程名可能含空格，从最后一个 ")" 之后取
    except FileNotFoundError:
        return "已不存在"


def wait_settled(pid):
    """sentinel 就绪时，内核可能还没做完退出的最后几步：等到状态变成 Z（或已被别人回收），最多 2 秒。"""
    deadline = time.monotonic() + 2
    while state(pid) not in ("Z", "已不存在") and time.monotonic() < deadline:
        time.sleep(0.01)


def work():
    print(f"子进程 {os.getpid()}：做完了，退出")


if __name__ == "__main__":
    p = Process(target=work)
    p.start()
    wait([p.sentinel])  # 子进程退出时 sentinel 变为可读；等它不会回收子进程
    wait_settled(p.pid)
    print(f"子进程已退出，还没 join()：状态 {state(p.pid)}")
    if state(p.pid) == "Z":  # 只有僵尸还占着这个 PID 时才发信号，不会误伤别的进程
        os.kill(p.pid, signal.SIGKILL)
        time.sleep(0.1)
        print(f"对它发送 SIGKILL 之后：状态 {state(p.pid)}")
    p.join()  # 回收：读走退出状态，内核随即删除这个进程
    print(f"join() 之后：状态 {state(p.pid)}，exitcode = {p.exitcode}")

"""不只 join()：is_alive() 和 multiprocessing.active_children() 也会回收已退出的子进程。"""

import time
from multiprocessing import Event, Process, active_children
from multiprocessing.connection import wait


def state(pid):
    """/proc/<pid>/stat 里的进程状态（Linux）：R 运行、S 睡眠、Z 僵尸……"""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "已不存在"


def wait_settled(pid):
    """sentinel 就绪时，内核可能还没做完退出的最后几步：等到状态变成 Z（或已被别人回收），最多 2 秒。"""
    deadline = time.monotonic() + 2
    while state(pid) not in ("Z", "已不存在") and time.monotonic() < deadline:
        time.sleep(0.01)


def work(both_started):
    both_started.wait()  # 不能在 b.start() 之前退出：start() 会顺带回收已经结束的子进程


if __name__ == "__main__":
    both_started = Event()
    a = Process(target=work, args=(both_started,), name="任务A")
    b = Process(target=work, args=(both_started,), name="任务B")
    a.start()
    b.start()
    both_started.set()
    for p in (a, b):
        wait([p.sentinel])  # 等它退出，但不回收
        wait_settled(p.pid)

    print(f"都已退出：任务A {state(a.pid)}，任务B {state(b.pid)}")
    print(f"a.is_alive() = {a.is_alive()}")
    print(f"之后：　　任务A {state(a.pid)}，任务B {state(b.pid)}")
    print(f"active_children() = {active_children()}")
    print(f"之后：　　任务A {state(a.pid)}，任务B {state(b.pid)}")
    for p in (a, b):
        p.join()  # 已经回收过了，立即返回

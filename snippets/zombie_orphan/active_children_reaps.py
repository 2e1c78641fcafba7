"""不只 join()：is_alive() 和 multiprocessing.active_children() 也会回收已退出的子进程。"""

import time
from multiprocessing import Process, active_children
from multiprocessing.connection import wait


def state(pid):
    """/proc/<pid>/stat 里的进程状态（Linux）：R 运行、S 睡眠、Z 僵尸……"""
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return "已不存在"


def work():
    pass


if __name__ == "__main__":
    a = Process(target=work, name="任务A")
    b = Process(target=work, name="任务B")
    a.start()
    b.start()
    for p in (a, b):
        wait([p.sentinel])  # 等它退出，但不回收
    time.sleep(0.2)  # 退出的最后几步在 sentinel 就绪之后才完成，稍等一下

    print(f"都已退出：任务A {state(a.pid)}，任务B {state(b.pid)}")
    print(f"a.is_alive() = {a.is_alive()}")
    print(f"之后：　　任务A {state(a.pid)}，任务B {state(b.pid)}")
    print(f"active_children() = {active_children()}")
    print(f"之后：　　任务A {state(a.pid)}，任务B {state(b.pid)}")
    for p in (a, b):
        p.join()  # 已经回收过了，立即返回

"""父进程被 SIGKILL 强行结束时来不及清理：它的守护子进程活了下来，一直运行到自己结束。"""

import os
import signal
import time
from multiprocessing import Event, Process, Queue, parent_process


def daemon_work(started, done):
    for i in range(1, 5):
        print(f"守护进程：第 {i} 行，父进程还活着：{parent_process().is_alive()}")
        if i == 1:
            started.set()  # 告诉中间进程：守护进程已经在运行了
        time.sleep(0.25)
    done.put("守护进程运行完了，自己结束")


def middle(started, done):
    Process(target=daemon_work, args=(started, done), daemon=True).start()
    started.wait()
    print("中间进程：用 SIGKILL 结束自己（不执行任何清理）")
    os.kill(os.getpid(), signal.SIGKILL)


if __name__ == "__main__":
    # Event 和 Queue 由顶层创建并传下去：被 SIGKILL 的中间进程来不及释放它自己创建的对象
    started, done = Event(), Queue()
    m = Process(target=middle, args=(started, done), name="中间进程")
    m.start()
    m.join()
    print(f"顶层：中间进程的 exitcode = {m.exitcode}")
    # 守护进程是顶层的孙进程，顶层不能 join() 它：等它从队列里报告
    print(f"顶层：{done.get(timeout=5)}")

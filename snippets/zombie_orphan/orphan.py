"""父进程先退出，子进程成了孤儿：内核把它过继给别的进程，os.getppid() 随之改变。"""

import os
import time
from multiprocessing import Event, Process, Queue, parent_process


def orphan(reported, done):
    before = os.getppid()
    print(f"子进程：os.getppid() = {before}，parent_process().pid = {parent_process().pid}")
    reported.set()
    parent_process().join()  # 等父进程退出
    # 过继是父进程退出的最后几步之一，join() 返回时内核可能还没做到：等到 getppid() 变了，最多 0.5 秒
    deadline = time.monotonic() + 0.5
    while os.getppid() == before and time.monotonic() < deadline:
        time.sleep(0.01)
    after = os.getppid()
    print(f"子进程：父进程退出之后，os.getppid() = {after}（{'变了' if after != before else '没变'}）")
    done.put("孤儿进程运行完了")


def parent(reported, done):
    Process(target=orphan, args=(reported, done)).start()
    reported.wait()
    print(f"父进程 {os.getpid()}：不等子进程，直接退出")
    # os._exit() 跳过 multiprocessing 的退出清理；正常退出的话，它会先等非守护子进程结束
    os._exit(0)


if __name__ == "__main__":
    reported, done = Event(), Queue()
    p = Process(target=parent, args=(reported, done))
    p.start()
    p.join()
    print(f"祖父进程：父进程已退出，exitcode = {p.exitcode}")
    # 孤儿是祖父进程的孙进程，不能 join()：等它从队列里报告，免得程序结束时它还在运行
    print(f"祖父进程：{done.get(timeout=5)}")

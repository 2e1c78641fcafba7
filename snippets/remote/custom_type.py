"""BaseManager.register：把自己的类放进管理器的服务进程，各进程通过代理调用它的方法。"""

import os
import threading
from multiprocessing import Process
from multiprocessing.managers import BaseManager


class Tally:
    """普通的类：对象只存在于服务进程里。"""

    def __init__(self):
        self._counts = {}
        self._lock = threading.Lock()  # 服务进程用多个线程同时处理各个连接的调用

    def add(self, word):
        with self._lock:
            self._counts[word] = self._counts.get(word, 0) + 1

    def counts(self):
        return dict(sorted(self._counts.items()))

    def pid(self):
        return os.getpid()


class TallyManager(BaseManager):
    pass


# start() 把注册表交给服务进程，spawn/forkserver 下要先封存：
# 注册模块顶层的类或函数，不要注册 lambda
TallyManager.register("Tally", Tally)


def worker(tally, words):
    for word in words:
        tally.add(word)  # 每次调用都是一次与服务进程的往返通信


if __name__ == "__main__":
    with TallyManager() as manager:  # 启动服务进程
        tally = manager.Tally()  # 对象在服务进程里创建，这里拿到的是代理
        print(f"代理的类型：{type(tally).__name__}")
        print(f"对象所在的进程：{tally.pid()}，父进程：{os.getpid()}")
        batches = (["a", "b"], ["b", "c"], ["c", "c"])
        jobs = [Process(target=worker, args=(tally, words)) for words in batches]
        for p in jobs:
            p.start()
        for p in jobs:
            p.join()
        print(f"三个子进程加完之后：{tally.counts()}")
        try:
            tally._counts  # 代理只转发公开的方法，不转发属性
        except AttributeError as e:
            print(f"访问属性 _counts：AttributeError:\n  {e}")

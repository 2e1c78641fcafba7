"""继承 Process 并重写 run()：start() 在子进程里调用的正是 run()。"""

import os
import time
from multiprocessing import Process


class Greeter(Process):
    def __init__(self, label):
        super().__init__()  # 必须先调用父类的 __init__
        self.label = label

    # 方法名必须是 run：start() 只会调用它。写成别的名字（比如 run1），
    # 子进程会执行 Process 自带的空 run()，什么也不打印，也不报错。
    def run(self):
        print(f"{self.label}：在子进程 {os.getpid()} 里运行，name = {self.name}")
        time.sleep(0.2)
        print(f"{self.label}：结束")


if __name__ == "__main__":
    worker = Greeter("任务A")
    worker.start()
    worker.join()
    print(f"父进程 {os.getpid()}：exitcode = {worker.exitcode}")

"""不调用 join()：父进程的代码先走完，子进程还在运行。"""

import time
from multiprocessing import Process


def work(label, seconds):
    time.sleep(seconds)
    print(f"{label} 完成")


if __name__ == "__main__":
    start = time.perf_counter()
    for label, seconds in [("任务A", 0.5), ("任务B", 0.8)]:
        Process(target=work, args=(label, seconds)).start()
    # 这里只量到“启动两个子进程”用的时间，与子进程要干多久无关
    print(f"父进程的代码执行完了：{time.perf_counter() - start:.2f} 秒")
    # 父进程的解释器退出前，会自动等待所有非守护子进程结束，所以下面两行仍会打印

"""守护进程不能再创建子进程：在守护子进程里调用 start() 会抛 AssertionError。"""

from multiprocessing import Process


def helper():
    print("孙进程：运行了")


def daemon_work():
    print("守护子进程：试着创建自己的子进程")
    Process(target=helper).start()
    print("守护子进程：创建成功")


if __name__ == "__main__":
    p = Process(target=daemon_work, daemon=True, name="守护进程-1")
    p.start()
    p.join()
    # 异常发生在子进程里：子进程打印回溯、以 exitcode 1 结束，父进程照常运行
    print(f"父进程：守护子进程的 exitcode = {p.exitcode}")

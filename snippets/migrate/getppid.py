import multiprocessing as mp
import os


def report():
    print(f"子进程：os.getppid() = {os.getppid()}")
    print(f"子进程：parent_process().pid = {mp.parent_process().pid}")


if __name__ == "__main__":
    print(f"父进程：PID = {os.getpid()}，启动方法 {mp.get_start_method()}")
    child = mp.Process(target=report)
    child.start()
    child.join()

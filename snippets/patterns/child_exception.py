"""子进程里没有捕获的异常：子进程打印回溯、exitcode 为 1，父进程不受影响，照常往下走。"""

from multiprocessing import Process


def parse(text):
    return int(text)  # "十二" 不是数字：ValueError


if __name__ == "__main__":
    child = Process(target=parse, args=("十二",), name="解析-1")
    child.start()
    child.join()
    # 异常没有传到父进程：父进程只能从 exitcode 看出子进程失败了
    print(f"父进程：{child.name} 的 exitcode = {child.exitcode}，父进程继续运行")

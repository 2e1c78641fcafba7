"""已知问题（gh-139759）：还有没关闭的子解释器时用 fork 创建子进程，子进程一启动就段错误。"""

import multiprocessing
from concurrent import interpreters


def hello():
    print("  子进程：你好")


if __name__ == "__main__":
    for method in ("fork", "forkserver"):
        for close_first in (False, True):
            interp = interpreters.create()
            interp.exec("x = 1")
            if close_first:
                interp.close()
            child = multiprocessing.get_context(method).Process(target=hello)
            child.start()
            child.join()
            state = "已关闭" if close_first else "还开着"
            print(f"{method}，子解释器{state}：子进程的退出码 {child.exitcode}")
            if not close_first:
                interp.close()

# snippet: requires=3.14

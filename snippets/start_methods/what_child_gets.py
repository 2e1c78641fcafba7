"""三种启动方法下，子进程一开始有什么：父进程运行中导入的模块、主模块的名字、传进来的参数。"""

import multiprocessing as mp
import sys


def report(method, config):
    main = sys.modules["__main__"]
    print(f"{method} 子进程：已导入 decimal = {'decimal' in sys.modules}，"
          f"主模块 __name__ = {main.__name__}，参数 config = {config}")


if __name__ == "__main__":
    import decimal  # noqa: F401  只有父进程在运行中导入了它，源文件顶层并没有

    print(f"父进程：已导入 decimal = {'decimal' in sys.modules}，主模块 __name__ = {__name__}")
    for method in ("fork", "spawn", "forkserver"):
        child = mp.get_context(method).Process(target=report, args=(method, {"retries": 3}))
        child.start()
        child.join()

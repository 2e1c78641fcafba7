import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool


def square(x):
    return x * x


# 没有 if __name__ == "__main__":。
# spawn 是 Windows 和 macOS 的默认启动方法，这里明确用它
print(f"模块顶层：__name__ = {__name__}")
spawn = mp.get_context("spawn")
try:
    with ProcessPoolExecutor(1, mp_context=spawn) as executor:
        print(list(executor.map(square, [1, 2, 3])))
except BrokenProcessPool as error:
    print(f"父进程：BrokenProcessPool: {error}")

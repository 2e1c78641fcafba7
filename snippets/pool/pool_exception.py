"""Pool 同样把任务里的异常送回父进程：get() 抛出的是解封出来的副本，工作进程里的回溯以文本附在 __cause__ 上。"""

import traceback
from multiprocessing import Pool


def parse(text):
    return int(text)


if __name__ == "__main__":
    with Pool(processes=1) as pool:
        bad = pool.apply_async(parse, ("四十二",))
        try:
            bad.get(timeout=10)
        except ValueError as error:
            print(f"get() 抛出 {type(error).__name__}: {error}")
            cause = error.__cause__
            print(f"__cause__ 是 {type(cause).__module__}.{type(cause).__name__}，内容：{cause}")
            # 父进程里这个异常对象自己的回溯：只有父进程的栈帧，工作进程里的帧没有跟过来
            frames = [frame.name for frame in traceback.extract_tb(error.__traceback__)]
            print(f"error.__traceback__ 里的函数：{frames}")

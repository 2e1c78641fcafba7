"""任务在工作进程里抛出的异常，由 Future.result() 在父进程里重新抛出；进程池照常可用。"""

from concurrent.futures import ProcessPoolExecutor


def parse(text):
    return int(text)


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=2) as executor:
        good = executor.submit(parse, "42")
        bad = executor.submit(parse, "四十二")
        print(f"good.result() = {good.result()}")
        try:
            bad.result()
        except ValueError as error:
            print(f"bad.result() 抛出 {type(error).__name__}: {error}")
            # 工作进程里的回溯以文本形式附在 __cause__ 上
            print(f"__cause__ 是 {type(error.__cause__).__name__}，内容：{error.__cause__}")
        print(f"bad.exception() 不抛出，直接返回异常对象：{bad.exception()!r}")
        print(f"之后的任务照常运行：{executor.submit(parse, '7').result()}")

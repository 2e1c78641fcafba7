"""starmap 传多个参数；apply_async 立即返回，结果或异常交给回调函数。"""

import threading
import time
from multiprocessing import Pool


def power(base, exponent):
    return base**exponent


def slow_divide(a, b, seconds):
    time.sleep(seconds)
    return a / b


def on_result(value):
    # 回调在父进程的一个后台线程里运行，不在工作进程里
    print(f"  callback：{value}（在父进程的线程 {threading.current_thread().name} 里）")


def on_error(error):
    print(f"  error_callback：{type(error).__name__}: {error}")


if __name__ == "__main__":
    with Pool(processes=2) as pool:
        print(f"starmap：{pool.starmap(power, [(2, 10), (3, 2), (10, 0)])}")

        # 出错的任务先提交、先结束（0.2 秒），正常的任务 0.5 秒后才完成
        bad = pool.apply_async(slow_divide, (1, 0, 0.2), callback=on_result, error_callback=on_error)
        ok = pool.apply_async(slow_divide, (10, 4, 0.5), callback=on_result, error_callback=on_error)
        print("apply_async 已立即返回，父进程继续做别的事")
        bad.wait()
        ok.wait()  # wait() 返回时，回调已经运行完
        print(f"ok.get() = {ok.get()}")
        try:
            bad.get()  # 出错的任务：get() 在父进程里重新抛出同一个异常
        except ZeroDivisionError as error:
            print(f"bad.get() 抛出 ZeroDivisionError: {error}")

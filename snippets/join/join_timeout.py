"""join(timeout)：最多等这么久；返回后要用 is_alive() 判断子进程是否真的结束了。"""

import time
from multiprocessing import Process

if __name__ == "__main__":
    worker = Process(target=time.sleep, args=(0.5,))
    worker.start()

    worker.join(timeout=0.1)  # 超时后 join 照常返回，不抛异常
    print(f"等了 0.1 秒：is_alive() = {worker.is_alive()}，exitcode = {worker.exitcode}")

    worker.join()  # 不带超时：一直等到结束
    print(f"再次 join：is_alive() = {worker.is_alive()}，exitcode = {worker.exitcode}")

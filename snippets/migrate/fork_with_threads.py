import multiprocessing as mp
import threading
import time
import warnings


def child():
    print("子进程：运行了")


if __name__ == "__main__":
    # DeprecationWarning 默认不显示：打开它（或用 python -W default 运行）
    warnings.simplefilter("default", DeprecationWarning)
    background = threading.Thread(target=time.sleep, args=(0.3,))
    # 一个后台线程在运行，比如日志、监控、数据库连接池
    background.start()
    print(f"父进程：线程数 {threading.active_count()}")
    # 想找回旧行为，明确要 fork
    p = mp.get_context("fork").Process(target=child)
    p.start()
    p.join()
    background.join()

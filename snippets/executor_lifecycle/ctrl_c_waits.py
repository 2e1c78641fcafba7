"""Ctrl-C 打断了主进程，可 with 块还要等所有已提交的任务做完，程序迟迟不退出。"""

import os
import signal
import threading
import time
from concurrent.futures import ProcessPoolExecutor


def work(i):
    time.sleep(0.2)
    return i


if __name__ == "__main__":
    try:
        with ProcessPoolExecutor(max_workers=2) as pool:
            futures = [pool.submit(work, i) for i in range(10)]  # 10 个 0.2 秒，两个进程至少要 1 秒
            began = time.perf_counter()
            # 0.3 秒后模拟在终端按 Ctrl-C：给主进程自己发 SIGINT
            threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()
            try:
                for future in futures:
                    future.result()
            except KeyboardInterrupt:
                done = sum(f.done() for f in futures)
                print(f"{time.perf_counter() - began:.2f} 秒：收到 KeyboardInterrupt，这时做完 {done} 个")
                raise  # 离开 with 块：__exit__ 调用 shutdown(wait=True)
    except KeyboardInterrupt:
        done = sum(f.done() and not f.cancelled() for f in futures)
        print(f"{time.perf_counter() - began:.2f} 秒：with 块才结束，10 个任务做完了 {done} 个")

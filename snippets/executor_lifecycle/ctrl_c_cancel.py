"""收到 Ctrl-C 时取消还在排队的任务，只等已经交给工作进程的那几个做完。cancel_futures 是 3.9 新增的。"""

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
            futures = [pool.submit(work, i) for i in range(10)]
            began = time.perf_counter()
            threading.Timer(0.3, os.kill, (os.getpid(), signal.SIGINT)).start()  # 0.3 秒后模拟 Ctrl-C
            try:
                for future in futures:
                    future.result()
            except KeyboardInterrupt:
                done = sum(f.done() for f in futures)
                print(f"{time.perf_counter() - began:.2f} 秒：收到 KeyboardInterrupt，这时做完 {done} 个，取消排队的任务")
                pool.shutdown(cancel_futures=True)  # wait 保持默认的 True：等已经交出去的任务做完
                raise
    except KeyboardInterrupt:
        done = sum(f.done() and not f.cancelled() for f in futures)
        cancelled = sum(f.cancelled() for f in futures)
        print(f"{time.perf_counter() - began:.2f} 秒：with 块结束，做完 {done} 个，取消 {cancelled} 个")

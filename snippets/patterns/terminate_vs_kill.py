"""terminate() 发 SIGTERM，子进程可以捕获它、收拾好再退出；kill() 发 SIGKILL，谁也拦不住。"""

import signal
import sys
import time
from multiprocessing import Event, Process


def plain(ready):
    ready.set()
    time.sleep(10)


def graceful(ready):
    # 把 SIGTERM 变成 SystemExit 异常：下面的 finally、with 都会照常执行
    signal.signal(signal.SIGTERM, lambda signum, frame: sys.exit(0))
    try:
        # 在 try 里面才报告就绪：信号随时可能到，到在 try 之前的话 finally 就不会执行
        ready.set()
        for _ in range(100):  # 短的 sleep 循环：处理函数最迟 0.1 秒内运行（见 Process 对象一页）
            time.sleep(0.1)
    finally:
        print("  graceful：收到 SIGTERM，删除临时文件，保存进度")


def stop(target, how):
    ready = Event()
    child = Process(target=target, args=(ready,))
    child.start()
    ready.wait(timeout=10)
    getattr(child, how)()  # child.terminate() 或 child.kill()
    child.join()  # 发了信号也要 join：回收子进程，拿到 exitcode
    print(f"{target.__name__} + {how}()：exitcode = {child.exitcode}")


if __name__ == "__main__":
    stop(plain, "terminate")  # 没有处理函数：SIGTERM 的默认动作就是结束进程
    stop(graceful, "terminate")  # 处理函数运行，清理代码执行，正常退出
    stop(graceful, "kill")  # SIGKILL 不能被捕获：清理代码没有机会执行
    print(f"（signal.SIGTERM = {int(signal.SIGTERM)}，signal.SIGKILL = {int(signal.SIGKILL)}）")

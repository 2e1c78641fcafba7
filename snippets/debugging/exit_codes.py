"""读懂 exitcode：0 正常，1 未捕获的异常，N 来自 sys.exit(N) 或 os._exit(N)，-N 是被信号 N 结束。"""

import multiprocessing as mp
import os
import signal
import sys
import time


def finish():
    pass


def crash():
    raise ValueError("出错了")  # 回溯由子进程打印到 stderr


def exit_3():
    os._exit(3)  # 立即退出：不执行 finally、atexit，也不刷新缓冲区


def exit_message():
    sys.exit("配置文件不存在")  # 字符串打印到 stderr，退出码 1


def killed():
    os.kill(os.getpid(), signal.SIGKILL)


def sleeper():
    time.sleep(10)  # 父进程会 terminate() 它


if __name__ == "__main__":
    targets = (finish, crash, exit_3, exit_message, killed, sleeper)
    procs = [mp.Process(target=f, name=f.__name__) for f in targets]
    for p in procs:
        p.start()
    for p in procs[:-1]:
        p.join()
    procs[-1].terminate()  # 发送 SIGTERM
    procs[-1].join()
    print("进程名        exitcode  含义")
    for p in procs:
        code = p.exitcode
        meaning = f"被信号 {signal.Signals(-code).name} 结束" if code < 0 else "退出码"
        print(f"{p.name:<13} {code:>8}  {meaning}")

"""multiprocessing.log_to_stderr()：打开 multiprocessing 自己的日志，看清进程的启动、退出和清理。"""

import logging
import multiprocessing as mp


def work(n):
    mp.get_logger().info("计算 %d 的平方", n)  # 同一个记录器，自己的日志也带上进程名
    return n * n


if __name__ == "__main__":
    mp.log_to_stderr(logging.INFO)  # 返回名为 "multiprocessing" 的记录器，输出到 stderr
    p = mp.Process(target=work, args=(7,), name="工作进程")
    p.start()
    p.join()
    print(f"exitcode = {p.exitcode}")

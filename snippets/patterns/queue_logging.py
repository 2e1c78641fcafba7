"""子进程的日志经 QueueHandler 放进队列，父进程的 QueueListener 统一交给一个处理器输出。"""

import logging
import logging.handlers
import sys
from multiprocessing import Process, Queue


def send_logs_to(log_queue):
    # 根记录器只留一个 QueueHandler：记录放进队列，不直接写文件或终端。
    # 先清掉原有的处理器：fork 出来的子进程会继承父进程的配置，不清就会重复
    root = logging.getLogger()
    root.handlers = [logging.handlers.QueueHandler(log_queue)]
    root.setLevel(logging.INFO)


def work(log_queue, n):
    send_logs_to(log_queue)
    log = logging.getLogger("app")
    log.info("开始处理第 %d 批", n)
    if n == 2:
        log.warning("第 %d 批有 1 条数据格式不对，已跳过", n)
    log.info("第 %d 批完成", n)


if __name__ == "__main__":
    log_queue = Queue()
    workers = [Process(target=work, args=(log_queue, n), name=f"worker-{n}") for n in (1, 2, 3)]
    # 先启动子进程，再启动监听线程：用 fork 启动方法时，父进程在创建子进程那一刻最好只有一个线程。
    # 否则监听线程若正拿着 stdout 的锁，子进程会复制到一把永远拿不到的锁，退出时卡住
    for w in workers:
        w.start()

    # 真正输出的处理器只有这一个，在父进程里；换成 FileHandler，就能让多个进程安全地写同一个日志文件
    handler = logging.StreamHandler(sys.stdout)
    handler.setFormatter(logging.Formatter("%(processName)-11s %(levelname)-7s %(message)s"))
    listener = logging.handlers.QueueListener(log_queue, handler)  # 后台线程：从队列取记录交给 handler
    listener.start()

    send_logs_to(log_queue)  # 父进程自己的日志也走同一条路
    log = logging.getLogger("app")
    log.info("3 个子进程已启动")
    for w in workers:
        w.join()
    log.info("全部完成")
    listener.stop()  # 把队列里剩下的记录处理完再返回

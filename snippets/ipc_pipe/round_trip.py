"""一问一答：用一条双向管道，和用两个队列（一去一回），每个来回各要多久。"""

import time
from multiprocessing import Pipe, Process, Queue

ROUNDS = 200  # 每批来回的次数
BATCHES = 5  # 两种方式交替各测 5 批，取最快的一批：机器忙时偶尔被打断的那几批不算


def echo_pipe(conn):
    while (msg := conn.recv()) is not None:
        conn.send(msg)


def echo_queue(inbox, outbox):
    while (msg := inbox.get()) is not None:
        outbox.put(msg)


def per_round(send, recv):
    start = time.perf_counter()
    for n in range(ROUNDS):
        send(n)
        recv()
    return (time.perf_counter() - start) / ROUNDS


if __name__ == "__main__":
    parent_end, child_end = Pipe()
    inbox, outbox = Queue(), Queue()
    children = [Process(target=echo_pipe, args=(child_end,)), Process(target=echo_queue, args=(inbox, outbox))]
    for c in children:
        c.start()
    # 先各来回一次：确认两个子进程都在等了，计时不含启动进程的时间
    parent_end.send(0)
    parent_end.recv()
    inbox.put(0)
    outbox.get()

    pipe_best = queue_best = float("inf")
    for _ in range(BATCHES):
        pipe_best = min(pipe_best, per_round(parent_end.send, parent_end.recv))
        queue_best = min(queue_best, per_round(inbox.put, outbox.get))
    parent_end.send(None)
    inbox.put(None)
    for c in children:
        c.join()

    print(f"Pipe ：每个来回 {pipe_best * 1e6:.0f} 微秒")
    print(f"Queue：每个来回 {queue_best * 1e6:.0f} 微秒")
    # 结论按这次测到的数字写：机器很忙时，两者的先后偶尔会颠倒
    if pipe_best < queue_best:
        print(f"这次运行：管道更快，队列用时是它的 {queue_best / pipe_best:.1f} 倍")
    else:
        print(f"这次运行：队列反而更快，管道用时是它的 {pipe_best / queue_best:.1f} 倍")

# snippet: alone retries=2

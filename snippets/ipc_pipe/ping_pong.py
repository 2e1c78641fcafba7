"""Pipe() 默认双向：父子进程各拿一端，都能 send() 也都能 recv()，一来一回。"""

from multiprocessing import Pipe, Process


def player(conn):
    while True:
        msg = conn.recv()  # 没有数据时一直等
        if msg is None:  # 约定 None 表示“打完了”
            break
        print(f"  子进程收到 {msg!r}，回 pong")
        conn.send(("pong", msg[1]))
    conn.close()


if __name__ == "__main__":
    parent_end, child_end = Pipe()  # duplex=True：两端都能收发
    child = Process(target=player, args=(child_end,))
    child.start()
    child_end.close()  # 这一端交给子进程了，父进程自己不用
    for n in range(1, 4):
        parent_end.send(("ping", n))
        print(f"父进程收到 {parent_end.recv()!r}")  # 要等子进程回了才有
    parent_end.send(None)
    child.join()
    print("打完 3 个回合，子进程已结束")

"""Pipe(duplex=False) 是单向的：返回（接收端, 发送端），顺序别弄反。"""

from multiprocessing import Pipe, Process


def report(send_end):
    for record in [{"任务": "任务A", "耗时": 0.2}, ("任务B", "完成"), [1, 2, 3]]:
        send_end.send(record)  # 任何可以封存的对象都行
    send_end.close()


if __name__ == "__main__":
    recv_end, send_end = Pipe(duplex=False)  # 第一个只能收，第二个只能发
    child = Process(target=report, args=(send_end,))
    child.start()
    send_end.close()
    for _ in range(3):
        print("父进程收到：", recv_end.recv())
    child.join()

    try:
        recv_end.send("反方向")
    except OSError as exc:
        print(f"往接收端 send()：{type(exc).__name__}: {exc}")

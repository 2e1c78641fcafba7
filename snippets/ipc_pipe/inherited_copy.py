"""子进程只拿到读端时：fork 下它还悄悄继承了一份写端，读完数据也等不到 EOFError。"""

from multiprocessing import Pipe, Process


def reader(recv_end):
    count = 0
    while recv_end.poll(1):  # 本该直接 recv() 等 EOFError；用 poll(1) 兜底，才不会永远卡住
        try:
            recv_end.recv()
        except EOFError:
            print(f"子进程：收到 {count} 件后 recv() 抛出 EOFError，正常结束")
            return
        count += 1
    print(f"子进程：收到 {count} 件后 poll(1) 超时，没有 EOF——还有一份写端开着")


if __name__ == "__main__":
    recv_end, send_end = Pipe(duplex=False)
    p = Process(target=reader, args=(recv_end,))  # 没把 send_end 交给子进程
    p.start()
    recv_end.close()
    for n in range(3):
        send_end.send(n)
    send_end.close()  # 父进程这边的写端都关了
    p.join()

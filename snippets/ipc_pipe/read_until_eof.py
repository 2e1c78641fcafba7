"""子进程一直 recv()，直到写端全部关闭、recv() 抛出 EOFError。"""

from multiprocessing import Pipe, Process


def reader(recv_end, send_end):
    # fork 时子进程会继承父进程的所有文件描述符，spawn 时传进来的也是一份副本：
    # 自己手里的写端不关，管道就永远“还有人可能写”，recv() 等不到 EOFError
    send_end.close()
    count = 0
    while True:
        try:
            item = recv_end.recv()
        except EOFError:
            break
        count += 1
        print(f"  子进程收到：{item}")
    print(f"子进程：recv() 抛出 EOFError，写端都已关闭，共收到 {count} 件")


if __name__ == "__main__":
    recv_end, send_end = Pipe(duplex=False)
    p = Process(target=reader, args=(recv_end, send_end))
    p.start()
    recv_end.close()  # 父进程只写，关掉自己手里的读端
    for n in range(1, 4):
        send_end.send(f"第 {n} 件")
    send_end.close()  # 写完就关：子进程读完剩下的数据后得到 EOFError
    print("父进程：3 件已发送，写端已关闭")
    p.join()

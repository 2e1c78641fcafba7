"""反例：父进程忘了关自己手里那份写端副本，子进程写完退出了，父进程仍等不到 EOFError。"""

from multiprocessing import Pipe, Process


def writer(send_end):
    for n in range(1, 4):
        send_end.send(f"第 {n} 件")
    send_end.close()  # 子进程关掉了它的写端，然后退出


if __name__ == "__main__":
    recv_end, send_end = Pipe(duplex=False)
    p = Process(target=writer, args=(send_end,))
    p.start()
    # 漏了这一行：send_end.close()
    while True:
        # 本该写 recv_end.recv() 并捕获 EOFError；这里用 poll(1) 代替，才不会永远卡住
        if not recv_end.poll(1):
            print("poll(1) 超时：1 秒内既没有数据，也没有 EOF")
            break
        print("父进程收到：", recv_end.recv())
    p.join()
    print(f"子进程早已写完退出（exitcode = {p.exitcode}），写端却还开着一份：在父进程自己手里")

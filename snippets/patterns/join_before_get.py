"""陷阱：子进程往队列里放了大对象，父进程先 join() 再 get()，双方互相等待。"""

from multiprocessing import Process, Queue

SIZE = 1024 * 1024  # 1 MB，远大于管道的缓冲区（Linux 上通常是 64 KB）


def produce(results):
    results.put(b"x" * SIZE)  # put() 立即返回：数据由后台线程慢慢写进管道
    print("子进程：put() 已返回，函数执行完毕，准备退出")
    # 进程退出前要等后台线程把数据全部写进管道；没人读，管道满了，就写不完


if __name__ == "__main__":
    results = Queue()
    child = Process(target=produce, args=(results,))
    child.start()

    child.join(timeout=1)  # 错误的顺序：先 join。不带 timeout 的话，这里会永远等下去
    print(f"父进程：join(timeout=1) 超时返回，is_alive() = {child.is_alive()}，exitcode = {child.exitcode}")

    data = results.get()  # 先把数据取走……
    print(f"父进程：get() 取到 {len(data)} 字节")
    child.join()  # ……子进程就能写完、退出了
    print(f"父进程：join() 返回，exitcode = {child.exitcode}")

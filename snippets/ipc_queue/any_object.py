"""队列先进先出（FIFO），能传任何可以封存（pickle）的对象，包括模块顶层定义的函数。"""

from multiprocessing import Process, Queue


def shout(text):
    return text.upper() + "!"


def consumer(q):
    for _ in range(5):
        item = q.get()  # 队列空时一直等，直到有数据
        if callable(item):
            # 函数按“模块名 + 函数名”传过来，子进程按名字找到自己这边的同一个函数
            print(f"子进程取出：函数 {item.__name__}（{type(item).__name__}），调用它得到 {item('hello')!r}")
        else:
            print(f"子进程取出：{item!r}（{type(item).__name__}）")


if __name__ == "__main__":
    q = Queue()
    for item in [1, "任务A", [1, 2, 3], {"id": 7, "ok": True}, shout]:
        q.put(item)
    print("父进程放入了 5 个对象")
    child = Process(target=consumer, args=(q,))
    child.start()
    child.join()

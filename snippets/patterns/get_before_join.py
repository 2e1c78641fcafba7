"""正确的顺序：先 get() 取走子进程放进队列的结果，再 join()。"""

from multiprocessing import Process, Queue

SIZE = 1024 * 1024


def produce(results):
    results.put(b"x" * SIZE)


if __name__ == "__main__":
    results = Queue()
    child = Process(target=produce, args=(results,))
    child.start()
    data = results.get()  # 先取结果：这会一直等到数据全部到达
    child.join()  # 再等子进程退出，马上就能返回
    print(f"取到 {len(data)} 字节，exitcode = {child.exitcode}")

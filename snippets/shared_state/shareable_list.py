"""ShareableList：长度固定的共享列表，子进程按名字连上后修改元素，父进程看得到。"""

from multiprocessing import Process
from multiprocessing.shared_memory import ShareableList


def update(name):
    items = ShareableList(name=name)
    items[0] += 1
    items[1] = "完成"  # UTF-8 编码 6 字节，放得进创建时那一格（8 字节）
    items[2] = 2.5
    try:
        items[1] = "全部任务都已经完成"  # 27 字节，放不下
    except ValueError as error:
        print(f"子进程：更长的字符串写不进去 → ValueError: {error}")
    items.shm.close()


if __name__ == "__main__":
    # 元素个数和每一格的大小在创建时就定下了；只能放 int、float、bool、str、bytes、None
    items = ShareableList([41, "pending", 0.0])
    try:
        print(f"父进程创建：{list(items)}")
        child = Process(target=update, args=(items.shm.name,))
        child.start()
        child.join()
        print(f"父进程读到：{list(items)}")
    finally:
        items.shm.close()
        items.shm.unlink()

"""SharedMemoryManager：共享内存由它的服务进程创建和登记，退出 with 时统一 unlink。"""

import os
from multiprocessing import Process
from multiprocessing.managers import SharedMemoryManager
from multiprocessing.shared_memory import ShareableList, SharedMemory


def fill(list_name, block_name, i):
    scores = ShareableList(name=list_name)
    scores[i] = i * i
    block = SharedMemory(name=block_name)
    block.buf[i] = 65 + i  # 'A'、'B'……
    scores.shm.close()
    block.close()  # 子进程只 close()，不 unlink()


if __name__ == "__main__":
    with SharedMemoryManager() as smm:
        scores = smm.ShareableList([0] * 4)
        block = smm.SharedMemory(size=4)
        names = [scores.shm.name, block.name]
        jobs = [Process(target=fill, args=(*names, i)) for i in range(4)]
        for p in jobs:
            p.start()
        for p in jobs:
            p.join()
        print(f"结果：{list(scores)}，{bytes(block.buf).decode()}")
        print(f"with 里，两块都在 /dev/shm：{all(os.path.exists('/dev/shm/' + n) for n in names)}")
        scores.shm.close()
        block.close()  # 父进程也只 close()
    print(f"退出 with 之后，还在的：{[n for n in names if os.path.exists('/dev/shm/' + n)]}")

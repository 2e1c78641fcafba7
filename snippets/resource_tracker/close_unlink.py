"""正确的分工：每个进程用完都 close()，创建者在大家都用完后 unlink() 一次。"""

import multiprocessing as mp
import os
from multiprocessing import shared_memory


def exists(name):
    return os.path.exists(f"/dev/shm/{name}")  # Linux 把 POSIX 共享内存放在 /dev/shm


def child(name):
    shm = shared_memory.SharedMemory(name=name)
    shm.buf[0] = 42
    shm.close()  # 断开自己的连接；这块内存还在
    print(f"子进程：写入并 close()，名字还在：{exists(name)}")


if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=16)
    p = mp.Process(target=child, args=(shm.name,))
    p.start()
    p.join()
    print(f"父进程：读到 {shm.buf[0]}")
    shm.close()
    print(f"父进程 close() 之后，名字还在：{exists(shm.name)}")
    shm.unlink()  # 创建者负责：从系统里删除这块内存
    print(f"父进程 unlink() 之后，名字还在：{exists(shm.name)}")

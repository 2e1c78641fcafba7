"""名字里带冒号的共享内存：3.13 及以前，追踪器解析不了它的登记消息。"""

import os
from multiprocessing import shared_memory

if __name__ == "__main__":
    name = f"demo:{os.getpid()}"
    shm = shared_memory.SharedMemory(name=name, create=True, size=16)
    print(f"创建了 {shm.name}")
    shm.close()
    shm.unlink()
    print("close() 和 unlink() 都完成了")

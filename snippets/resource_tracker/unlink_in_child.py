"""常见错误：子进程用完就 unlink()，父进程还在用这块内存。"""

import multiprocessing as mp
import os
from multiprocessing import shared_memory


def child(name):
    shm = shared_memory.SharedMemory(name=name)
    shm.buf[0] = 42
    shm.close()
    shm.unlink()  # 错误：这块内存不归子进程管
    print("子进程：写入，close()，unlink()")


if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=16)
    p = mp.Process(target=child, args=(shm.name,))
    p.start()
    p.join()
    print(f"父进程自己的映射还能读：{shm.buf[0]}")
    print(f"名字还在：{os.path.exists('/dev/shm/' + shm.name)}")
    try:
        shared_memory.SharedMemory(name=shm.name)  # 别的进程想按名字连上来
    except FileNotFoundError as e:
        print(f"再按名字连接：{type(e).__name__}")
    shm.close()
    shm.unlink()  # 创建者照常 unlink：名字已经没有了
# snippet: raises=FileNotFoundError

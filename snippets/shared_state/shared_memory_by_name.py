"""SharedMemory：父进程创建一块共享内存，子进程按名字连上去，原地修改里面的数。"""

import struct
from multiprocessing import Process, shared_memory

FORMAT = "4i"  # 4 个 C int，用 struct 按字节布局读写（没有 numpy 也能用）


def double_in_place(name):
    shm = shared_memory.SharedMemory(name=name)  # 不带 create：按名字连上已有的那一块
    numbers = struct.unpack_from(FORMAT, shm.buf)
    print(f"子进程按名字 {shm.name} 连上，读到 {list(numbers)}")
    struct.pack_into(FORMAT, shm.buf, 0, *(n * 2 for n in numbers))
    shm.close()  # 每个进程用完都要 close()；子进程不 unlink()，那是创建者的事


if __name__ == "__main__":
    shm = shared_memory.SharedMemory(create=True, size=struct.calcsize(FORMAT))
    try:
        struct.pack_into(FORMAT, shm.buf, 0, 1, 2, 3, 4)
        print(f"父进程创建了 {shm.name}（{struct.calcsize(FORMAT)} 字节），写入 [1, 2, 3, 4]")
        # 只传名字（一个字符串）：任何知道名字的进程都能连上这块内存
        child = Process(target=double_in_place, args=(shm.name,))
        child.start()
        child.join()
        print(f"父进程读到：{list(struct.unpack_from(FORMAT, shm.buf))}")
    finally:
        shm.close()
        shm.unlink()  # 整个系统里只调用一次，由创建者在大家都用完后调用
    print("已 close() 并 unlink()")

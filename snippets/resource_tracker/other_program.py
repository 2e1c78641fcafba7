"""一个无关的程序按名字连上来读数据：它一退出，它的资源追踪器就把这块内存当作泄漏删掉。"""

import os
import subprocess
import sys
from multiprocessing import shared_memory


def program_b(name):
    shm = shared_memory.SharedMemory(name=name)  # 只是连接，也会登记到 B 自己的追踪器
    print(f"程序 B：连上 {name}，读到 {bytes(shm.buf[:5])}")
    shm.close()


def run_b(name):
    # 和上一个例子一样：读到 B 的 stderr 的 EOF，说明 B 的追踪器也退出了
    b = subprocess.run([sys.executable, __file__, "B", name], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=10)
    print(b.stdout, end="", flush=True)
    print(b.stderr, end="", file=sys.stderr, flush=True)


if __name__ == "__main__":
    if sys.argv[1:2] == ["B"]:
        program_b(sys.argv[2])
        sys.exit()
    shm = shared_memory.SharedMemory(create=True, size=16)
    shm.buf[:5] = b"hello"
    print(f"程序 A：创建 {shm.name}")
    run_b(shm.name)
    print(f"程序 A：名字还在：{os.path.exists('/dev/shm/' + shm.name)}")
    shm.close()
    try:
        shm.unlink()
    except FileNotFoundError as e:
        print(f"程序 A：unlink() 失败：{type(e).__name__}")
    print("程序 A 结束")

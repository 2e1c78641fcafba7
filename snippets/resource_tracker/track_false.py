"""3.13 起：连接方用 track=False，不登记到自己的追踪器，退出时也就不会删掉别人的内存。"""

import os
import subprocess
import sys
from multiprocessing import shared_memory


def program_b(name):
    shm = shared_memory.SharedMemory(name=name, track=False)
    print(f"程序 B：track=False 连上 {name}，读到 {bytes(shm.buf[:5])}")
    shm.close()


def run_b(name):
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
    shm.unlink()  # 创建者照常负责删除
    print("程序 A：unlink() 成功，结束")

"""忘了 unlink()：程序 B 退出后，它的资源追踪器打印警告并删除共享内存。程序 A 在旁边验证。"""

import os
import re
import subprocess
import sys
from multiprocessing import shared_memory


def program_b():
    shm = shared_memory.SharedMemory(create=True, size=16)
    print(f"程序 B：创建 {shm.name}，close() 但不 unlink()，然后退出")
    shm.close()


if __name__ == "__main__":
    if sys.argv[1:] == ["B"]:
        program_b()
        sys.exit()
    # 程序 A：把同一个文件当作另一个程序运行。B 的 stderr 接到管道上：
    # B 的资源追踪器也继承了它，读到 EOF 时 B 和它的追踪器都已退出
    b = subprocess.run([sys.executable, __file__, "B"], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, text=True, timeout=10)
    print(b.stdout, end="", flush=True)
    print(b.stderr, end="", file=sys.stderr)  # 原样转印 B 这边的 stderr
    name = re.search(r"psm_\w+", b.stdout).group()
    print("程序 A：B 和它的追踪器都已退出")
    print(f"程序 A：/dev/shm/{name} 还在：{os.path.exists('/dev/shm/' + name)}")

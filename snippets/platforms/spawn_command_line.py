import multiprocessing as mp
import sys
from multiprocessing import spawn


def child():
    print("spawn 子进程的命令行参数：")
    for arg in sys.orig_argv[1:]:
        print(f"  {arg}")


if __name__ == "__main__":
    p = mp.get_context("spawn").Process(target=child)
    p.start()
    p.join()
    # 假装本程序是打包出来的可执行文件（PyInstaller 等会设置 sys.frozen），
    # 看子进程会怎样被启动
    sys.frozen = True
    print("打包成可执行文件后的命令行参数：")
    for arg in spawn.get_command_line(pipe_handle=7)[1:]:
        print(f"  {arg}")
    del sys.frozen

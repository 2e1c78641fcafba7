import subprocess
import sys
import tempfile

# 一个完全正常的程序：函数在模块顶层，创建进程的代码在保护块里
PROGRAM = """\
import multiprocessing as mp

def f(x):
    print(f"子进程：f({x})")

if __name__ == "__main__":
    p = mp.Process(target=f, args=(1,))
    p.start()
    p.join()
    print("exitcode =", p.exitcode)
"""


def show(output):
    """照原样打印，只省略回溯里各帧的源码行（File 行之后缩进的行）。"""
    in_frame = False
    for line in output.splitlines():
        if line.startswith('  File "'):
            in_frame = True
            print(line)
        elif in_frame and line.startswith("    "):
            continue
        else:
            in_frame = False
            print(line)


if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        # 不写成文件，而是从标准输入喂给 python -
        # （-u：不缓冲，两路输出按写出的顺序合在一起）
        run = subprocess.run([sys.executable, "-u", "-"],
                             input=PROGRAM, cwd=tmp, timeout=10, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        # 临时目录的路径每次不同，不打印
        show(run.stdout.replace(tmp + "/", ""))
    print(f"python - 的退出状态：{run.returncode}")

import subprocess
import sys

# 在交互式解释器里一行一行输入的内容
SESSION = """\
import multiprocessing as mp
def f(x):
    print(f"子进程：f({x})")

p = mp.Process(target=f, args=(1,))
p.start(); p.join()
p.exitcode
"""

if __name__ == "__main__":
    # python -i：交互模式，从标准输入逐行读；-q：不打印版本横幅。
    # 标准输入是管道而不是终端：照样打印提示符 >>> 和 ...，
    # 但不回显输入的行
    run = subprocess.run([sys.executable, "-i", "-q", "-u"],
                         input=SESSION, timeout=10, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(run.stdout, end="")

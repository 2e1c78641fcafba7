import subprocess
import sys
import tempfile
from pathlib import Path

# 放在“笔记本旁边”的模块文件：要交给子进程的函数写在这里
WORKER_MODULE = """\
def f(x):
    print(f"子进程：f({x})")
"""

# 交互式会话里不再定义 f，而是从模块导入
SESSION = """\
import multiprocessing as mp
from worker import f
p = mp.Process(target=f, args=(1,))
p.start(); p.join()
p.exitcode
"""

if __name__ == "__main__":
    with tempfile.TemporaryDirectory() as tmp:
        Path(tmp, "worker.py").write_text(WORKER_MODULE, encoding="utf-8")
        # 在模块所在的目录里启动解释器，就像笔记本和模块在同一个目录：
        # 当前目录在 sys.path 上
        run = subprocess.run([sys.executable, "-i", "-q", "-u"],
                             input=SESSION, cwd=tmp, timeout=10, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(run.stdout, end="")

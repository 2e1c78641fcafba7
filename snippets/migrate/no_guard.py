import subprocess
import sys
import tempfile
from pathlib import Path

# 旧教程里的写法：没有 if __name__ == "__main__":，
# 在模块顶层直接创建子进程
OLD_PROGRAM = """\
import multiprocessing as mp

def work():
    print("work() 运行了")

print("模块顶层：开始")
p = mp.Process(target=work)
p.start()
p.join()
print("模块顶层：结束，exitcode =", p.exitcode)
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
        old = Path(tmp) / "old.py"
        old.write_text(OLD_PROGRAM, encoding="utf-8")
        # -u：不缓冲，标准输出和标准错误按写出的顺序合在一起
        run = subprocess.run([sys.executable, "-u", "old.py"],
                             cwd=tmp, timeout=10, text=True,
                             stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
        # 临时目录的路径每次不同，不打印
        show(run.stdout.replace(tmp + "/", ""))
    print(f"python old.py 的退出状态：{run.returncode}")

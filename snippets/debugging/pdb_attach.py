"""python -m pdb -p PID（3.14 起）：附加到卡住的工作进程，查看、修改它的变量，再让它继续。"""

import multiprocessing as mp
import subprocess
import sys
import time


def worker():
    done = False
    polls = 0
    while not done:  # 错误：没有任何代码会把 done 设为 True
        polls += 1
        time.sleep(0.05)


def ptrace_scope():
    try:
        with open("/proc/sys/kernel/yama/ptrace_scope") as f:
            return f.read().strip()
    except FileNotFoundError:
        return "没有这个文件（内核没有启用 Yama）"


if __name__ == "__main__":
    print(f"ptrace_scope：{ptrace_scope()}")
    p = mp.Process(target=worker)
    p.start()
    time.sleep(0.5)
    # 平时在另一个终端里运行 python -m pdb -p <PID>，再敲这些命令；这里从标准输入喂给它
    commands = "where\np polls\n!done = True\ncontinue\n"
    pdb = subprocess.run([sys.executable, "-m", "pdb", "-p", str(p.pid)],
                         input=commands, capture_output=True, text=True, timeout=10)
    print((pdb.stdout + pdb.stderr).rstrip())  # pdb 的全部输出；最后一个提示符后面没有换行
    print(f"pdb 的退出码：{pdb.returncode}")
    if pdb.returncode:  # 没能附加：自己结束工作进程
        p.terminate()
    p.join()
    print(f"工作进程的 exitcode：{p.exitcode}")
# snippet: requires=3.14

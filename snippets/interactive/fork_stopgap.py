import subprocess
import sys

SESSION = """\
import multiprocessing as mp
import threading, time
def f(x):
    print(f"子进程：f({x})")

threading.Thread(target=time.sleep, args=(0.5,), daemon=True).start()
ctx = mp.get_context("fork")
p = ctx.Process(target=f, args=(1,))
p.start(); p.join()
p.exitcode
"""

if __name__ == "__main__":
    # -W default::DeprecationWarning：显示默认隐藏的 DeprecationWarning
    warn = ["-W", "default::DeprecationWarning"]
    run = subprocess.run([sys.executable, *warn, "-i", "-q", "-u"],
                         input=SESSION, timeout=10, text=True,
                         stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    print(run.stdout, end="")

"""工作进程在任务中途被杀（用 SIGKILL 模拟 OOM killer）：任务得到 BrokenProcessPool。3.15 起回溯里写明是哪个进程、退出码多少。"""

import os
import signal
from concurrent.futures import ProcessPoolExecutor


def victim():
    os.kill(os.getpid(), signal.SIGKILL)  # 不能捕获、来不及留下任何异常的死法


if __name__ == "__main__":
    with ProcessPoolExecutor(max_workers=1) as pool:
        pool.submit(victim).result()

# snippet: raises=BrokenProcessPool

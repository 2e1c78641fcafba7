import multiprocessing as mp
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import process

if __name__ == "__main__":
    print(f"sys.platform = {sys.platform}")
    # 标准库在所有平台上都定义了这个常量，只在 Windows 上用它
    print(f"Windows 上 max_workers 的上限：{process._MAX_WINDOWS_WORKERS}")
    spawn = mp.get_context("spawn")  # 和 Windows 一样用 spawn
    with ProcessPoolExecutor(max_workers=64, mp_context=spawn) as executor:
        pid = executor.submit(os.getpid).result()
    print(f"max_workers=64：这里没有报错，任务在 PID {pid} 里完成")

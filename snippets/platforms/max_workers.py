import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures import process

if __name__ == "__main__":
    print(f"sys.platform = {sys.platform}")
    # 标准库在所有平台上都定义了这个常量，只在 Windows 上用它
    print(f"Windows 上 max_workers 的上限：{process._MAX_WINDOWS_WORKERS}")
    with ProcessPoolExecutor(max_workers=64) as executor:
        pid = executor.submit(os.getpid).result()
    print(f"max_workers=64：在这里没有报错，任务在 PID {pid} 里完成")

"""打印运行本程序的环境：本站每个示例的输出都来自这样的环境。"""

import multiprocessing
import os
import platform
import sys

if __name__ == "__main__":
    print(f"Python 实现与版本：{platform.python_implementation()} {platform.python_version()}")
    print(f"操作系统：{platform.system()} {platform.release()}（{platform.machine()}）")
    print(f"CPU 核心数 os.cpu_count()：{os.cpu_count()}")
    print(f"默认启动方法：{multiprocessing.get_start_method()}")
    print(f"本平台可用的启动方法：{', '.join(multiprocessing.get_all_start_methods())}")
    # 3.13 起才有 sys._is_gil_enabled()；自由线程版（free-threaded）构建里它可能返回 False
    gil = getattr(sys, "_is_gil_enabled", lambda: True)()
    print(f"GIL：{'启用' if gil else '未启用（自由线程构建）'}")

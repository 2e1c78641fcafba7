"""这台机器有几个（逻辑）CPU：os.cpu_count()，以及本进程能用几个。"""

import os

# 个数未知时返回 None
print(f"os.cpu_count() = {os.cpu_count()}（整个系统的逻辑 CPU 数）")

# process_cpu_count() 是 3.13 新增的；旧版本上没有这个函数
if hasattr(os, "process_cpu_count"):
    print(f"os.process_cpu_count() = {os.process_cpu_count()}（本进程可以使用的逻辑 CPU 数）")
else:
    print("os.process_cpu_count()：这个 Python 版本还没有（3.13 新增）")

# CPU 亲和性（affinity）只有 Linux 等部分系统提供
if hasattr(os, "sched_getaffinity"):
    print(f"len(os.sched_getaffinity(0)) = {len(os.sched_getaffinity(0))}（本进程被允许运行的 CPU 个数）")

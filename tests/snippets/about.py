"""docs/index.md 的说法。"""

import multiprocessing
import os
import platform

from _helpers import count


def build_environment(result):
    assert count(result, rf"CPython {platform.python_version()}$") == 1
    assert count(result, rf"os.cpu_count\(\)：{os.cpu_count()}$") == 1
    # 测试按每种启动方法运行它一次：打印的默认启动方法就是当时生效的那一种
    assert count(result, rf"默认启动方法：{result.start_method}$") == 1
    methods = ", ".join(multiprocessing.get_all_start_methods())
    assert count(result, f"可用的启动方法：{methods}$") == 1

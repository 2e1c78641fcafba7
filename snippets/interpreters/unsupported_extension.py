"""不是所有 C 扩展模块都能在子解释器里导入：用老式“单阶段初始化”写的，导入时得到 ImportError。"""

import importlib
from concurrent import interpreters

# _testsinglephase 是 CPython 自带的测试模块，专门用单阶段初始化写成，和许多老的第三方扩展一样；
# 标准库的 readline 至今也是这样初始化的。json 的 C 加速模块已经支持子解释器
MODULES = ["_testsinglephase", "readline", "json"]

if __name__ == "__main__":
    interp = interpreters.create()
    try:
        for name in MODULES:
            try:
                importlib.import_module(name)
            except ImportError as error:  # 有的构建不带测试模块
                print(f"{name}：主解释器里也导入不了（{error}）")
                continue
            print(f"{name}：主解释器可以导入")
            try:
                interp.exec(f"import {name}")
                print("  子解释器里也可以")
            except interpreters.ExecutionFailed as error:
                print(f"  子解释器里 {error.excinfo.type.__name__}:\n    {error.excinfo.msg}")
    finally:
        interp.close()

# snippet: requires=3.14

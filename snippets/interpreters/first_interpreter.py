"""第一个子解释器：create() 新建，exec() 运行一段源码，call() 调用一个函数。都在同一个进程里。"""

import math
import os
from concurrent import interpreters


def hypot(a, b):  # 只用参数和内置函数：可以直接交给子解释器调用
    return (a * a + b * b) ** 0.5


if __name__ == "__main__":
    interp = interpreters.create()
    try:
        print(f"主解释器 id={interpreters.get_current().id}，进程 {os.getpid()}")
        interp.exec("""
import os
from concurrent import interpreters
print(f"子解释器 id={interpreters.get_current().id}，进程 {os.getpid()}")
""")
        print(f"call(hypot, 3, 4) = {interp.call(hypot, 3, 4)}")

        # 各有各的模块和全局变量：子解释器里改了 math，主解释器看不到
        interp.exec("import math; math.answer = 42; counter = 1")
        interp.exec("counter += 1; print(f'子解释器：math.answer = {math.answer}，counter = {counter}')")
        print(f"主解释器：hasattr(math, 'answer') = {hasattr(math, 'answer')}，"
              f"'counter' in globals() = {'counter' in globals()}")
    finally:
        interp.close()  # 用完就关闭

# snippet[<3.14]: raises=ImportError

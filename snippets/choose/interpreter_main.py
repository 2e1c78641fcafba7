"""交给 InterpreterPoolExecutor 的函数可以定义在主模块里：子解释器先把主模块的顶层代码再执行一遍。"""

from concurrent import interpreters
from concurrent.futures import InterpreterPoolExecutor

print(f"顶层代码：解释器 {interpreters.get_current().id}，__name__ = {__name__!r}")


def where():
    return f"where()：解释器 {interpreters.get_current().id}，模块 __name__ = {__name__!r}"


if __name__ == "__main__":
    with InterpreterPoolExecutor(max_workers=1) as pool:
        print(pool.submit(where).result())

# snippet: requires=3.14

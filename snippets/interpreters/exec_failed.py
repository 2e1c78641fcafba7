"""子解释器里没有捕获的异常：exec() 和 call() 在主解释器里抛出 ExecutionFailed，原来的异常只剩摘要。"""

from concurrent import interpreters

if __name__ == "__main__":
    interp = interpreters.create()
    try:
        try:
            interp.exec("numbers = [1, 2, 3]\nprint(numbers[5])")
        except interpreters.ExecutionFailed as error:
            print(f"exec()：{type(error).__name__}")
            print(error)
            print(f"原来的异常类型：{error.excinfo.type.__name__}")
        try:
            interp.call(int, "七")
        except interpreters.ExecutionFailed as error:
            print(f"call()：{type(error).__name__}")
            print(f"原来的异常：{error.excinfo.type.__name__}: {error.excinfo.msg}")
        interp.exec("print('出过错的子解释器还能接着用')")
    finally:
        interp.close()

# snippet: requires=3.14

import multiprocessing as mp


def main():
    greeting = "你好"

    def greet(name):  # 旧写法：定义在函数里的函数，用到了外层的变量
        print(f"{greeting}，{name}")

    child = mp.Process(target=greet, args=("子进程",))
    try:
        child.start()
    except Exception as error:  # 旧代码没有 try：这里只为打印异常
        print(f"start() 失败：{type(error).__name__}: {error}")
        for note in getattr(error, "__notes__", []):
            print(f"  {note}")
    else:
        child.join()
        print(f"子进程结束，exitcode = {child.exitcode}")


if __name__ == "__main__":
    main()

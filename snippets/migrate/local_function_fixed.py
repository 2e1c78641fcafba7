import multiprocessing as mp


def greet(greeting, name):  # 移到模块顶层；原来从外层拿的变量改成参数
    print(f"{greeting}，{name}")


def main():
    greeting = "你好"
    child = mp.Process(target=greet, args=(greeting, "子进程"))
    child.start()
    child.join()
    print(f"子进程结束，exitcode = {child.exitcode}")


if __name__ == "__main__":
    main()

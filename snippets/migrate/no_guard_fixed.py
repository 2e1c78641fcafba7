import multiprocessing as mp


def work():
    print("work() 运行了")


# 创建子进程的代码都放进保护块：
# 子进程（或 fork 服务器）导入本文件时不会执行它
if __name__ == "__main__":
    print("开始")
    p = mp.Process(target=work)
    p.start()
    p.join()
    print("结束，exitcode =", p.exitcode)

"""反例：方法名拼错（run1），子进程照常启动、正常退出，但什么也没做。"""

from multiprocessing import Process


class Greeter(Process):
    def run1(self):  # 拼错了：start() 不会调用它
        print("这一行永远不会出现")


if __name__ == "__main__":
    worker = Greeter()
    worker.start()
    worker.join()
    print(f"子进程已结束，exitcode = {worker.exitcode}，但它没有打印任何东西")

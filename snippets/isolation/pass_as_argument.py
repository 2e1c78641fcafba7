"""把数据作为参数交给子进程：任何启动方法下都可靠，但子进程拿到的是副本。"""

from multiprocessing import Process


def show(greeting, settings):
    print(f"子进程：收到 greeting = {greeting}，settings = {settings}")
    settings["debug"] = False  # 改的是子进程里的副本，传不回父进程
    print(f"子进程：改完后 settings = {settings}")


if __name__ == "__main__":
    greeting = "父进程准备的值"
    settings = {"debug": True}
    # args 里的对象随进程对象一起交给子进程（spawn / forkserver 下要经过封存和解封）
    child = Process(target=show, args=(greeting, settings))
    child.start()
    child.join()
    print(f"父进程：settings = {settings}")

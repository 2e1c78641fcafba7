"""父进程在 start() 之前改了全局变量：fork 的子进程看得到，spawn / forkserver 的子进程看不到。"""

from multiprocessing import Event, Process, get_start_method

greeting = "源文件里写的初始值"
settings = {}


def show(changed):
    changed.wait()  # 等父进程在 start() 之后的那次修改做完了再看
    print(f"子进程：greeting = {greeting}")
    print(f"子进程：settings = {settings}")


if __name__ == "__main__":
    print(f"启动方法：{get_start_method()}")
    greeting = "父进程在 start() 之前改的值"
    settings["debug"] = True  # 比如启动时读入的配置
    changed = Event()
    child = Process(target=show, args=(changed,))
    child.start()
    # fork 在 start() 那一刻复制父进程：之后的修改，哪种启动方法的子进程都看不到
    greeting = "父进程在 start() 之后改的值"
    changed.set()
    child.join()
    print(f"父进程：greeting = {greeting}")

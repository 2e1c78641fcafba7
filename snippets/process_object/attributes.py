"""Process 对象的 name、pid、is_alive()、exitcode：start() 之前、运行中、join() 之后各是什么。"""

import time
from multiprocessing import Process


def work():
    time.sleep(0.3)


def show(moment, p):
    print(f"{moment}：pid = {p.pid}，is_alive() = {p.is_alive()}，exitcode = {p.exitcode}")


if __name__ == "__main__":
    # 创建对象不会创建进程；序号按创建 Process 对象的顺序递增
    first, second = Process(target=work), Process(target=work)
    print(f"不给 name：{first.name}、{second.name}")

    p = Process(target=work, name="打印任务-1")
    print(f"给了 name：{p.name}")

    show("start() 之前", p)
    p.start()
    show("start() 之后", p)
    p.join()
    show("join() 之后", p)

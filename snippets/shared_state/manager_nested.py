"""陷阱：改代理里嵌套的普通 list 不会生效；要重新赋值回去，或者嵌套一个代理。"""

from multiprocessing import Manager, Process


def worker(shared):
    # shared["plain"] 从服务进程取回的是列表的一份副本，append 只改了这份副本
    shared["plain"].append("任务A")

    # 修正一：取出、修改、再整个赋值回去（这一步才会发请求给服务进程）
    items = shared["reassigned"]
    items.append("任务A")
    shared["reassigned"] = items

    # 修正二：值本身就是一个代理，append 直接发给服务进程
    shared["proxy"].append("任务A")


if __name__ == "__main__":
    with Manager() as manager:
        shared = manager.dict()
        shared["plain"] = []
        shared["reassigned"] = []
        shared["proxy"] = manager.list()

        child = Process(target=worker, args=(shared,))
        child.start()
        child.join()

        print(f"直接 append：{shared['plain']}")
        print(f"取出、修改、赋值回去：{shared['reassigned']}")
        print(f"嵌套的代理：{list(shared['proxy'])}")

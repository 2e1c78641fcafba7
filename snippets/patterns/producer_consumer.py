"""生产者/消费者：JoinableQueue 的 task_done()/join() 知道“全部处理完”，哨兵让消费者退出。"""

import time
from multiprocessing import JoinableQueue, Process

STOP = None  # 哨兵：约定好的“没有更多任务了”


def consumer(name, tasks):
    while True:
        item = tasks.get()
        if item is STOP:
            tasks.task_done()  # 哨兵也是 put 进来的一项，同样要 task_done
            print(f"{name} 收到哨兵，退出")
            break
        time.sleep(0.1)  # 模拟处理
        print(f"{name} 处理完 {item}")
        tasks.task_done()  # 处理完之后才调用：队列据此知道还剩几项没做完


if __name__ == "__main__":
    tasks = JoinableQueue()
    consumers = [Process(target=consumer, args=(f"消费者-{i}", tasks)) for i in (1, 2)]
    for c in consumers:
        c.start()

    for n in range(1, 7):
        tasks.put(f"订单-{n}")
    tasks.join()  # 等到每一项都被 task_done()
    print("父进程：tasks.join() 返回，6 个订单都处理完了")

    for _ in consumers:
        tasks.put(STOP)  # 每个消费者一个哨兵
    for c in consumers:
        c.join()
    print(f"父进程：消费者都已退出，exitcode = {[c.exitcode for c in consumers]}")

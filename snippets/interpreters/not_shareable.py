"""不能交给子解释器的对象：prepare_main() 只收可共享的类型；队列和 call() 会退而封存（pickle），封存不了的就报错。"""

import threading
from concurrent import interpreters

if __name__ == "__main__":
    interp = interpreters.create()
    try:
        interp.prepare_main(scores=[90, 95])  # list 不可共享，prepare_main() 不会替你封存
    except interpreters.NotShareableError as error:
        print(f"prepare_main(scores=[90, 95])：{type(error).__name__}: {error}")
    interp.close()

    queue = interpreters.create_queue()
    queue.put([90, 95])  # 队列会退而封存：能 pickle 的对象都放得进去
    print(f"queue.put([90, 95]) 可以，取出 {queue.get()}")
    queue.put(threading.Lock())  # 锁既不可共享，也不能 pickle

# snippet: raises=NotShareableError requires=3.14

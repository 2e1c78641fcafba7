"""start() 之前改名，子进程看得到；start() 之后改名，只改了父进程手里的对象。"""

from multiprocessing import Event, Process, current_process


def report(renamed):
    renamed.wait()  # 等父进程那边改完名字再看
    print(f"子进程：current_process().name = {current_process().name}")


if __name__ == "__main__":
    renamed = Event()
    before = Process(target=report, args=(renamed,), name="worker-1")
    before.name = "worker-1-新名字"  # 还没 start()：子进程会用这个名字
    renamed.set()  # 名字在 start() 之前就改好了
    before.start()
    before.join()

    renamed.clear()
    after = Process(target=report, args=(renamed,), name="worker-2")
    after.start()
    after.name = "worker-2-新名字"  # 子进程已经有了自己的一份，不受影响
    print(f"父进程：after.name = {after.name}")
    renamed.set()  # 改完了，子进程这才去读自己的名字
    after.join()
    print(f"父进程：join() 之后 after.name = {after.name}")

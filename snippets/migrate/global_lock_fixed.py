import multiprocessing as mp
import time


def worker(i, ready, lock):  # 锁作为参数传进来
    ready.wait()
    with lock:
        print(f"子进程 {i} 拿到锁")
        time.sleep(0.3)
        print(f"子进程 {i} 放开锁")


if __name__ == "__main__":
    lock = mp.Lock()  # 在父进程里创建，交给每个子进程：大家用的是同一把
    ready = mp.Barrier(3)
    children = [mp.Process(target=worker, args=(i, ready, lock)) for i in range(2)]
    for child in children:
        child.start()
    with lock:
        print("父进程拿到锁")
        ready.wait()
        time.sleep(0.3)
        print("父进程放开锁")
    for child in children:
        child.join()

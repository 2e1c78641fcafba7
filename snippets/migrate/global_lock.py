import multiprocessing as mp
import time

lock = mp.Lock()  # 旧写法：模块级的锁，谁要用就直接拿全局变量


def worker(i, ready):
    ready.wait()  # 等三个进程都准备好，再去拿锁
    with lock:
        print(f"子进程 {i} 拿到锁")
        time.sleep(0.3)
        print(f"子进程 {i} 放开锁")


if __name__ == "__main__":
    ready = mp.Barrier(3)
    children = [mp.Process(target=worker, args=(i, ready)) for i in range(2)]
    for child in children:
        child.start()
    with lock:
        print("父进程拿到锁")
        ready.wait()
        time.sleep(0.3)
        print("父进程放开锁")
    for child in children:
        child.join()

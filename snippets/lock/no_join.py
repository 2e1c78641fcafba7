"""反例：把锁传给子进程后不 join()，父进程直接结束；在 spawn / forkserver 下子进程连锁都拿不到。"""

from multiprocessing import Lock, Process


def print_job(label, printer_lock):
    with printer_lock:
        print(f"{label}：打印完毕")


if __name__ == "__main__":
    printer_lock = Lock()
    Process(target=print_job, args=("打印任务-1", printer_lock)).start()
    print("父进程：代码执行完了，没有 join()")
    # 父进程的解释器退出时，先删掉它创建的锁，然后才等待子进程：
    # 在 spawn / forkserver 下，子进程要按名字重新打开这把锁，这时它往往已经不存在了

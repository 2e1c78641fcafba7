"""程序被强行结束，来不及释放它的锁和队列：资源追踪器替它收拾，并打印警告。"""

import multiprocessing as mp
import os
import signal

if __name__ == "__main__":
    lock = mp.Lock()
    queue = mp.Queue()  # 队列内部有两把锁和一个信号量
    name = lock._semlock.name  # 内部属性，只用来观察：这把锁对应的 POSIX 有名信号量
    print(f"启动方法 {mp.get_start_method()}，锁的信号量名：{name}")
    if name:
        print("它在 /dev/shm 里：", os.path.exists(f"/dev/shm/sem.{name[1:]}"))
    # 模拟被 kill -9 或 OOM killer 结束：没有机会执行任何清理
    os.kill(os.getpid(), signal.SIGKILL)
# snippet: exit=-9

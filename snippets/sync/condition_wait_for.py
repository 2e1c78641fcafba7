"""Condition：等待者用 wait_for(条件) 等某个共享状态满足要求，修改者改完后 notify_all()。"""

import time
from multiprocessing import Barrier, Condition, Process, Value


def waiter(name, need, progress, changed, start_line):
    checks = 0

    def enough():
        nonlocal checks
        checks += 1  # 记下条件被检查了几次：每次被唤醒都会重新检查
        return progress.value >= need

    start_line.wait()
    with changed:  # 必须先拿到条件变量的锁，才能 wait
        changed.wait_for(enough)  # 等待时会暂时释放锁，被唤醒后重新拿到锁再检查条件
        print(f"{name}：进度 {progress.value} ≥ {need}，继续；条件一共检查了 {checks} 次")


if __name__ == "__main__":
    progress = Value("i", 0, lock=False)  # 由条件变量的锁保护，不需要自带的锁
    changed = Condition()
    start_line = Barrier(4)  # 3 个等待者 + 父进程
    waiters = [Process(target=waiter, args=(f"报告-{n}", n, progress, changed, start_line)) for n in (1, 2, 3)]
    for w in waiters:
        w.start()
    start_line.wait()
    for step in range(1, 4):
        time.sleep(0.3)  # 模拟一批数据处理完
        with changed:
            progress.value = step
            print(f"父进程：进度更新为 {step}，notify_all()")
            changed.notify_all()  # 叫醒所有等待者，让它们各自重新检查条件
    for w in waiters:
        w.join()

"""同一进程里的两个线程：PID 相同，线程号不同，而且共享同一份内存。"""

import os
import threading

visited = []


def work(label):
    visited.append(label)  # 线程共享所在进程的内存：主线程能直接看到这个修改
    print(f"{label}：PID {os.getpid()}，线程号 {threading.get_native_id()}")


if __name__ == "__main__":
    print(f"主线程：PID {os.getpid()}，线程号 {threading.get_native_id()}")
    threads = [threading.Thread(target=work, args=(label,)) for label in ("线程A", "线程B")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print(f"主线程看到的 visited = {sorted(visited)}")

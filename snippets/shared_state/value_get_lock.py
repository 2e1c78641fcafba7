"""修正：用 with counter.get_lock(): 把整个 value += 1 包起来，一次也不会丢。"""

from multiprocessing import Barrier, Process, Value

WORKERS = 4
TIMES = 5_000


def add(counter, start_line):
    start_line.wait()
    for _ in range(TIMES):
        # 读出、加一、写回这三步在同一把锁里完成，别的进程插不进来
        with counter.get_lock():
            counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0)
    start_line = Barrier(WORKERS)
    workers = [Process(target=add, args=(counter, start_line)) for _ in range(WORKERS)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    expected = WORKERS * TIMES
    print(f"预期：{expected}")
    print(f"实际：{counter.value}")
    print(f"丢失的加一：{expected - counter.value} 次")

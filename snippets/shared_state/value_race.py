"""反例：4 个进程各对同一个 Value 做 50000 次 value += 1，不加锁，结果比预期少。"""

from multiprocessing import Barrier, Process, Value

WORKERS = 4
TIMES = 50_000  # 次数要多：几个进程并不在同一瞬间开始，做得太快就碰不到一起


def add(counter, start_line):
    # 等所有进程都启动好再一起开始，否则先启动的进程可能在别人启动前就做完了，看不到争抢
    start_line.wait()
    for _ in range(TIMES):
        # 读出、加一、写回是三步；Value 自带的锁只分别保护“读”和“写”，保护不了整个 +=
        counter.value += 1


if __name__ == "__main__":
    counter = Value("i", 0)  # 'i'：C 的 int，初值 0
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
# snippet: alone retries=2

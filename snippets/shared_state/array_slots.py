"""Array 与 Value：子进程写进共享内存的结果，父进程直接就能读到。"""

import math
from multiprocessing import Array, Process, Value


def compute(i, results, done):
    # 每个进程只写自己的那一格，格子互不重叠，所以写 results[i] 不需要锁
    results[i] = math.sqrt(i + 1)
    # 计数器是大家共用的，+= 要在锁里做
    with done.get_lock():
        done.value += 1


if __name__ == "__main__":
    results = Array("d", 4)  # 'd'：C 的 double，4 个元素，初值全是 0.0
    done = Value("i", 0)  # 'i'：C 的 int
    print(f"开始前：{list(results)}")
    workers = [Process(target=compute, args=(i, results, done)) for i in range(4)]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    print(f"结束后：{[round(x, 3) for x in results]}")
    print(f"完成的子进程：{done.value} 个")

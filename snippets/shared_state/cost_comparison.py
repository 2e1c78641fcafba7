"""代价：同样做 N 次“读出、加一、写回”，普通 dict、Value、Manager 的 dict 各要多久。"""

import time
from multiprocessing import Manager, Value

N = 2_000


def timed(label, step):
    start = time.perf_counter()
    for _ in range(N):
        step()
    seconds = time.perf_counter() - start
    print(f"{label}：{seconds:.3f} 秒，每次 {seconds / N * 1e6:.1f} 微秒")
    return seconds


if __name__ == "__main__":
    local = {"n": 0}

    def local_step():
        local["n"] += 1

    # 只有一个进程在用，不需要锁：lock=False 量的是读写共享内存本身的开销
    counter = Value("i", 0, lock=False)

    def value_step():
        counter.value += 1

    with Manager() as manager:
        shared = manager.dict(n=0)

        def manager_step():
            shared["n"] += 1  # 读一次、写一次，各是一次与服务进程之间的往返通信

        timed("普通 dict   ", local_step)
        t_value = timed("Value       ", value_step)
        t_manager = timed("Manager dict", manager_step)
        assert local["n"] == counter.value == shared["n"] == N

    print(f"Manager dict 的耗时约是 Value 的 {t_manager / t_value:.0f} 倍")

# snippet: alone retries=2

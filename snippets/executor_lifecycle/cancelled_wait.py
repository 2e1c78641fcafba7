"""陷阱：被 shutdown(cancel_futures=True) 取消的 Future，wait() 和 as_completed() 认不出来，不加超时就永远等下去。"""

import time
from concurrent.futures import ProcessPoolExecutor, TimeoutError, as_completed, wait


def work():
    time.sleep(0.1)


if __name__ == "__main__":
    pool = ProcessPoolExecutor(max_workers=1)
    futures = [pool.submit(work) for _ in range(6)]
    pool.shutdown(cancel_futures=True)  # wait=True：返回时，没被取消的都已做完
    print(f"done() 为 True：{sum(f.done() for f in futures)} 个，其中 cancelled()：{sum(f.cancelled() for f in futures)} 个")

    done, not_done = wait(futures, timeout=0.3)  # 不加 timeout 的话，这里永远不返回
    print(f"wait(timeout=0.3)：done {len(done)} 个，not_done {len(not_done)} 个")
    try:
        for _ in as_completed(futures, timeout=0.3):  # 不加 timeout 也一样
            pass
    except TimeoutError:
        print("as_completed(timeout=0.3)：TimeoutError")

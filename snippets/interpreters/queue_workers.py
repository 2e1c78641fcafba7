"""跨解释器队列：create_queue() 建的队列交给两个子解释器，它们在两个线程里同时算，结果放回同一个队列。"""

from concurrent import interpreters


def square_sum(results, start, stop):  # 在子解释器里运行；只用参数、内置函数和函数内的 import
    from concurrent import interpreters

    total = sum(i * i for i in range(start, stop))
    results.put((interpreters.get_current().id, start, stop, total))


if __name__ == "__main__":
    results = interpreters.create_queue()  # 队列是“可共享”的：子解释器拿到的是同一个队列，不是副本
    workers = [interpreters.create() for _ in range(2)]
    # call() 会阻塞到函数返回；call_in_thread() 新开一个线程去调用，立即返回这个线程
    threads = [interp.call_in_thread(square_sum, results, start, stop)
               for interp, (start, stop) in zip(workers, [(0, 500_000), (500_000, 1_000_000)])]
    for t in threads:
        t.join()
    parts = sorted(results.get() for _ in workers)
    for interp_id, start, stop, total in parts:
        print(f"子解释器 {interp_id} 算了 [{start:,}, {stop:,})：{total:,}")
    print(f"合计 {sum(p[3] for p in parts):,}，主解释器直接算 {sum(i * i for i in range(1_000_000)):,}")
    for interp in workers:
        interp.close()

# snippet: requires=3.14

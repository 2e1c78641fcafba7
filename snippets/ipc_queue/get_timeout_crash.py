"""get(timeout=0.3)：队列一直是空的，0.3 秒后抛出 queue.Empty；没人捕获，程序就此终止。"""

from multiprocessing import Queue

if __name__ == "__main__":
    q = Queue(3)
    for item in [1, "任务A", [1, 2, 3]]:
        q.put(item)
    for _ in range(3):
        print("取出：", q.get())
    print("第 4 次 get，最多等 0.3 秒……")
    print("取出：", q.get(timeout=0.3))  # 队列已空：超时后抛出 queue.Empty
    print("这一行不会出现")

# snippet: raises=queue.Empty

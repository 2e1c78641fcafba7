import multiprocessing as mp


def pending(q):
    """队列里大约还有几项；平台不支持时返回 None，而不是让程序崩溃。"""
    try:
        return q.qsize()
    except NotImplementedError:  # macOS：sem_getvalue() 没有实现
        return None


if __name__ == "__main__":
    q = mp.Queue()
    for item in range(3):
        q.put(item)
    print(f"qsize()：{pending(q)}")
    print(f"取出 {q.get()} 之后：{pending(q)}")

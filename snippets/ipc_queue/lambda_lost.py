"""lambda 不能 pickle：put() 照常返回，错误出现在后台线程里，这件数据被悄悄丢掉。"""

from multiprocessing import Queue

if __name__ == "__main__":
    q = Queue()
    q.put(lambda x: x * 2)  # 不抛异常：pickle 是后台的 feeder 线程做的
    q.put("第二件")
    # 后台线程先处理第一件（失败，把回溯打到 stderr），再发送第二件，所以回溯一定先出现
    item = q.get(timeout=2)
    print(f"put(lambda) 没有抛异常；get() 取到的第一件却是：{item!r}")

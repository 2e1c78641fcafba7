"""lambda 不能封存（pickle）：put() 照常返回，错误出现在后台的写入线程里，这件数据被丢掉，put() 的调用方不知情。"""

from multiprocessing import Queue

if __name__ == "__main__":
    q = Queue()
    q.put(lambda x: x * 2)  # 不抛异常：封存是后台的写入线程（feeder thread）做的
    q.put("第二件")
    # 后台线程先处理第一件（失败，把回溯打到 stderr），再发送第二件，所以回溯一定先出现
    item = q.get(timeout=2)
    print(f"put(lambda) 没有抛异常；get() 取到的第一件却是：{item!r}")

import multiprocessing as mp

if __name__ == "__main__":

    def square(x):  # 旧写法：函数定义在保护块里面
        return x * x

    with mp.Pool(2) as pool:
        # 旧代码写的是 pool.map(square, [1, 2, 3])：
        # 工作进程找不到 square 时，它会永远等下去。
        # 这里改成最多等 2 秒，示例才能结束
        pending = pool.map_async(square, [1, 2, 3])
        try:
            print(f"结果：{pending.get(timeout=2)}")
        except mp.TimeoutError:
            print("2 秒内没有等到结果")

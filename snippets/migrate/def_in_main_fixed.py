import multiprocessing as mp


def square(x):  # 定义在模块顶层：子进程导入本文件时就有它
    return x * x


if __name__ == "__main__":
    with mp.Pool(2) as pool:
        print(f"结果：{pool.map(square, [1, 2, 3])}")

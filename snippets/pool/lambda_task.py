"""交给进程池的函数要按名字封存（pickle）：lambda 在任何启动方法下都不行，模块级函数可以。"""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool, get_start_method


def double(x):
    return x * 2


if __name__ == "__main__":
    print(f"启动方法：{get_start_method()}")
    with Pool(processes=2) as pool:
        print(f"Pool.map(模块级函数)：{pool.map(double, [1, 2, 3])}")
        try:
            pool.map(lambda x: x * 2, [1, 2, 3])
        except Exception as error:
            print(f"Pool.map(lambda) 失败：{type(error).__name__}: {error}")
    with ProcessPoolExecutor(max_workers=2) as executor:
        try:
            executor.submit(lambda: 1).result()
        except Exception as error:
            print(f"ProcessPoolExecutor.submit(lambda) 失败：{type(error).__name__}: {error}")

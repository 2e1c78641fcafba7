"""定义在 if __name__ == "__main__": 里面的函数：父进程封存成功，工作进程解封时却找不到它。"""

from concurrent.futures import ProcessPoolExecutor
from multiprocessing import Pool, TimeoutError

if __name__ == "__main__":

    def double(x):  # 不在模块顶层：重新导入主模块的工作进程里没有这个函数
        return 2 * x

    with ProcessPoolExecutor(max_workers=1) as executor:
        try:
            print(f"ProcessPoolExecutor：结果 {executor.submit(double, 21).result()}")
        except Exception as error:
            print(f"ProcessPoolExecutor：{type(error).__name__}")

    with Pool(processes=1) as pool:
        try:
            print(f"Pool：结果 {pool.apply_async(double, (21,)).get(timeout=1)}")
        except TimeoutError:
            print("Pool：等了 1 秒也没有结果")

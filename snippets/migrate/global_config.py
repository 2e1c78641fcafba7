import multiprocessing as mp

CONFIG = {"verbose": False}  # 模块级的配置：源文件里写的默认值


def is_verbose(_):
    return CONFIG["verbose"]


if __name__ == "__main__":
    # 旧写法：启动时改全局配置（比如按命令行参数），再创建进程池
    CONFIG["verbose"] = True
    print(f"父进程：verbose = {CONFIG['verbose']}")
    with mp.Pool(2) as pool:
        print(f"工作进程：verbose = {pool.map(is_verbose, range(2))}")

import multiprocessing as mp

CONFIG = {"verbose": False}


def init_worker(config):
    # 每个工作进程启动时执行一次：把父进程的配置装进来
    CONFIG.update(config)


def is_verbose(_):
    return CONFIG["verbose"]


if __name__ == "__main__":
    CONFIG["verbose"] = True
    print(f"父进程：verbose = {CONFIG['verbose']}")
    # 配置作为 initializer 的参数传过去：三种启动方法下都送得到
    with mp.Pool(2, initializer=init_worker, initargs=(CONFIG,)) as pool:
        print(f"工作进程：verbose = {pool.map(is_verbose, range(2))}")

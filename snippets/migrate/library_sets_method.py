import multiprocessing as mp


def library_setup():
    """写得不好的库：在初始化时替整个程序决定了启动方法。"""
    mp.set_start_method("spawn")


if __name__ == "__main__":
    library_setup()
    try:
        mp.set_start_method("fork")  # 程序自己想用 fork
    except RuntimeError as error:
        print(f"程序设置 fork：RuntimeError: {error}")
    print(f"程序实际用的：{mp.get_start_method()}")

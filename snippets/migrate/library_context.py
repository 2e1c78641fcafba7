import multiprocessing as mp


def library_function(data):
    """一个库：需要 spawn，就只在内部用 spawn 上下文，不碰全局设置。"""
    ctx = mp.get_context("spawn")
    with ctx.Pool(2) as pool:
        return pool.map(abs, data)


if __name__ == "__main__":
    print(f"库的结果：{library_function([-1, -2])}")
    print(f"程序的默认启动方法：{mp.get_start_method(allow_none=True)}")
    try:
        mp.set_start_method("fork")  # 程序自己决定用 fork
        print(f"程序设置 fork：成功，现在用 {mp.get_start_method()}")
    except RuntimeError as error:
        print(f"程序设置 fork：RuntimeError: {error}")

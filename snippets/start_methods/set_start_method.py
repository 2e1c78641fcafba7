"""set_start_method() 只能调用一次：再调用会抛出 RuntimeError，除非加 force=True。"""

import multiprocessing as mp


def whoami():
    # spawn / forkserver 的子进程从父进程收到这个设置
    print(f"子进程：get_start_method() = {mp.get_start_method()}")


if __name__ == "__main__":
    # allow_none=True 只是查看；不带它的 get_start_method() 会顺手把默认值固定下来
    print(f"调用之前：{mp.get_start_method(allow_none=True)}")
    mp.set_start_method("spawn")
    print(f"第一次调用之后：{mp.get_start_method()}")
    try:
        mp.set_start_method("forkserver")
    except RuntimeError as error:
        print(f"第二次调用：RuntimeError: {error}")
    # force=True 会改掉整个程序的设置，只适合程序的入口，不适合库代码
    mp.set_start_method("forkserver", force=True)
    print(f"force=True 之后：{mp.get_start_method()}")
    child = mp.Process(target=whoami)
    child.start()
    child.join()

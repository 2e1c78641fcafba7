import multiprocessing as mp
import platform

if __name__ == "__main__":
    print(f"CPython {platform.python_version()}，{platform.system()}")
    # 没有调用 set_start_method()：下面是平台的默认值
    print(f"默认的启动方法：{mp.get_start_method()}")
    print(f"get_all_start_methods()：{mp.get_all_start_methods()}")

import multiprocessing as mp
import subprocess
import sys
import time


def work():
    import _slow_import  # noqa: F401 - 导入要 0.3 秒，代替一个大型库


def measure(preload):
    ctx = mp.get_context("forkserver")
    if preload:
        # 替换默认的预加载列表 ['__main__']，所以要把 __main__ 也写上
        ctx.set_forkserver_preload(["__main__", "_slow_import"])
    costs = []
    for _ in range(3):
        began = time.perf_counter()
        child = ctx.Process(target=work)
        child.start()
        child.join()
        costs.append(time.perf_counter() - began)
    label = "预加载 _slow_import" if preload else "不预加载"
    shown = "，".join(f"{cost * 1000:.0f}" for cost in costs)
    print(f"{label}：{shown} 毫秒")


if __name__ == "__main__":
    if sys.argv[1:] in (["plain"], ["preload"]):
        measure(sys.argv[1] == "preload")
    else:
        # fork 服务器每个程序只有一个：两种设置各用一个新的程序来量
        for mode in ("plain", "preload"):
            subprocess.run([sys.executable, __file__, mode],
                           check=True, timeout=10)
# snippet: requires=3.14

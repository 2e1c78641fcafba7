"""这个 Python 有没有本站讲到的各项版本变化：逐项检查，打印 是/否。

在不同版本上运行同一个程序，就能看出每一项从哪个版本开始有。
"""

import concurrent.futures as cf
import importlib.util
import inspect
import multiprocessing as mp
import os
import sys
import threading
import warnings
from multiprocessing import shared_memory


def found(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:  # 父包都不存在
        return False


def fork_warns_with_threads() -> bool:
    """进程里还有别的线程时 os.fork()，会不会发出 DeprecationWarning（3.12 起）。"""
    release = threading.Event()
    helper = threading.Thread(target=release.wait)
    helper.start()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        pid = os.fork()
        if pid == 0:  # 子进程：什么也不做，马上退出
            os._exit(0)
    os.waitpid(pid, 0)
    release.set()
    helper.join()
    return any(issubclass(w.category, DeprecationWarning) for w in caught)


def yes(flag: bool) -> str:
    return "是" if flag else "否"


if __name__ == "__main__":
    print(f"CPython {sys.version_info.major}.{sys.version_info.minor}")
    print(f"默认启动方法：{mp.get_start_method()}")
    print(f"可用的启动方法：{mp.get_all_start_methods()}")
    checks = [
        ("3.7", "Process.kill()、Process.close()", hasattr(mp.Process, "kill") and hasattr(mp.Process, "close")),
        ("3.8", "multiprocessing.parent_process()", hasattr(mp, "parent_process")),
        ("3.8", "multiprocessing.shared_memory 模块", found("multiprocessing.shared_memory")),
        ("3.9", "Executor.shutdown(cancel_futures=...)",
         "cancel_futures" in inspect.signature(cf.Executor.shutdown).parameters),
        ("3.11", "ProcessPoolExecutor(max_tasks_per_child=...)",
         "max_tasks_per_child" in inspect.signature(cf.ProcessPoolExecutor).parameters),
        ("3.12", "多线程时 fork() 发出 DeprecationWarning", fork_warns_with_threads()),
        ("3.13", "os.process_cpu_count()", hasattr(os, "process_cpu_count")),
        ("3.13", "sys._is_gil_enabled()（自由线程构建用它报告 GIL）", hasattr(sys, "_is_gil_enabled")),
        ("3.13", "SharedMemory(track=...)", "track" in inspect.signature(shared_memory.SharedMemory).parameters),
        ("3.14", "Process.interrupt()", hasattr(mp.Process, "interrupt")),
        ("3.14", "ProcessPoolExecutor.terminate_workers()", hasattr(cf.ProcessPoolExecutor, "terminate_workers")),
        ("3.14", "Executor.map(buffersize=...)", "buffersize" in inspect.signature(cf.Executor.map).parameters),
        ("3.14", "concurrent.interpreters 模块", found("concurrent.interpreters")),
        ("3.14", "InterpreterPoolExecutor", hasattr(cf, "InterpreterPoolExecutor")),
        ("3.14", "sys.remote_exec()", hasattr(sys, "remote_exec")),
        ("3.15", "profiling.sampling 模块", found("profiling.sampling")),
        ("3.15", "默认启用 UTF-8 模式", sys.flags.utf8_mode == 1),
    ]
    for since, what, present in checks:
        print(f"[{since}] {what}：{yes(present)}")

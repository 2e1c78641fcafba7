"""docs/platforms.md 的说法。

这些片段大多明确使用 spawn（Windows 和 macOS 的默认启动方法），所以在 Linux 上和在那两个平台上表现一样；
和平台有关的数字（61、SEM_VALUE_MAX）来自标准库本身。
"""

import re
import sys

from _helpers import count, numbers


def portable_context(result):
    [listed] = [line for line in result.lines if line.startswith("本机可用的启动方法：")]
    methods = re.findall(r"'(\w+)'", listed)
    assert set(methods) == {"fork", "spawn", "forkserver"}
    # 有 forkserver（Linux、macOS）就选它；工作进程是另一个进程
    match = re.fullmatch(r"选用 forkserver，工作进程 PID (\d+) ≠ 本进程 (\d+)", result.lines[-1])
    assert match and match.group(1) != match.group(2)


def no_guard_executor(result):
    # 模块顶层执行了两次：父进程一次，spawn 的工作进程导入主模块时又一次
    assert count(result, r"^模块顶层：__name__ = __main__$") == 1
    assert count(result, r"^模块顶层：__name__ = __mp_main__$") == 1
    # 工作进程在导入阶段想再创建进程，被拦下：RuntimeError 提示要用保护块
    assert count(result, r"^RuntimeError:\s*$") == 1
    assert count(result, "current process has finished its bootstrapping phase") == 1
    assert count(result, r"if __name__ == '__main__':") == 1
    # 父进程只看到进程池坏了；结果一个也没有算出来
    assert result.lines[-1].startswith("父进程：BrokenProcessPool: A process in the process pool was terminated")
    assert count(result, r"\[1, 4, 9\]") == 0


def spawn_command_line(result):
    lines = result.lines
    i = lines.index("spawn 子进程的命令行参数：")
    j = lines.index("打包成可执行文件后的命令行参数：")
    child = [line.strip() for line in lines[i + 1:j]]
    frozen = [line.strip() for line in lines[j + 1:]]
    # 普通运行：解释器执行 -c 里的一行代码，最后一个参数是 --multiprocessing-fork
    assert child[-1] == "--multiprocessing-fork"
    assert child[-3] == "-c"
    assert re.fullmatch(r"from multiprocessing\.spawn import spawn_main; spawn_main\(.*pipe_handle=\d+\)", child[-2])
    # 除了 -c 那三项，其余是从父进程沿用的解释器选项（构建时有 -B）
    assert all(arg.startswith("-") for arg in child[:-3])
    # 打包后：直接运行可执行文件本身，参数是 --multiprocessing-fork 和管道句柄，没有 -c
    assert frozen == ["--multiprocessing-fork", "pipe_handle=7"]


def max_workers(result):
    assert result.lines[0] == f"sys.platform = {sys.platform}"
    assert numbers(result, r"^Windows 上 max_workers 的上限：(\d+)$") == [61]
    assert re.fullmatch(r"max_workers=64：这里没有报错，任务在 PID \d+ 里完成", result.lines[-1])


def qsize_portable(result):
    # Linux 上 qsize() 可用；put() 是同步计数的，所以数是准的
    assert result.lines == ["qsize()：3", "取出 0 之后：2"]


def queue_capacity(result):
    # Linux 上 SEM_VALUE_MAX 是 C 的 int 的最大值
    assert numbers(result, r"^本机的 SEM_VALUE_MAX = (\d+)$") == [2**31 - 1]
    assert result.lines[-1] == "第 3 次 put()：等了 0.2 秒，queue.Full"

"""docs/pid.md 的说法。"""

from _helpers import before, count, numbers


def main_process(result):
    [pid] = numbers(result, r"os\.getpid\(\)  = (\d+)")
    [ppid] = numbers(result, r"os\.getppid\(\) = (\d+)")
    assert ppid != pid
    # current_process() 描述的就是本进程；主进程没有 multiprocessing 意义上的父进程
    assert numbers(result, r"current_process\(\)：name = MainProcess，pid = (\d+)") == [pid]
    assert count(result, r"^parent_process\(\) = None$") == 1


def child_pid(result):
    assert count(result, rf"^启动方法：{result.start_method}$") == 1
    [parent] = numbers(result, r"父进程：os\.getpid\(\) = (\d+)")
    [child] = numbers(result, r"子进程：Process-1，os\.getpid\(\) = (\d+)")
    [ppid] = numbers(result, r"子进程：os\.getppid\(\) = (\d+)")
    [real_parent] = numbers(result, r"子进程：parent_process\(\)\.pid = (\d+)")
    assert count(result, r"start\(\) 之前，child\.pid = None") == 1
    # 父进程里的 child.pid 就是子进程自己看到的 os.getpid()
    assert numbers(result, r"父进程：child\.pid = (\d+)") == [child]
    assert child != parent
    # parent_process() 在任何启动方法下都是调用 start() 的那个进程
    assert real_parent == parent
    if result.start_method in ("fork", "spawn"):
        assert ppid == parent
    else:  # forkserver：操作系统意义上的父进程是 fork 服务器
        assert ppid not in (parent, child)
    before(result, "子进程：parent_process", "父进程：child.pid")  # join() 之后才打印

"""docs/zombie-orphan.md 的说法（Linux：片段读取 /proc）。"""

from _helpers import before, count, numbers


def zombie_state(result):
    before(result, "做完了，退出", "还没 join")
    if result.start_method == "forkserver":
        # fork 服务器是子进程在操作系统里的父进程，它一收到 SIGCHLD 就回收：看不到僵尸
        assert count(result, "还没 join\\(\\)：状态 已不存在") == 1
        assert count(result, "SIGKILL") == 0
    else:
        assert count(result, "还没 join\\(\\)：状态 Z$") == 1
        assert count(result, "对它发送 SIGKILL 之后：状态 Z$") == 1  # 僵尸已经死了，信号对它不起作用
    assert count(result, r"join\(\) 之后：状态 已不存在，exitcode = 0") == 1


def active_children_reaps(result):
    lines = result.lines
    assert lines[1] == "a.is_alive() = False"
    assert lines[3] == "active_children() = []"
    if result.start_method == "forkserver":
        assert count(result, "任务A 已不存在，任务B 已不存在") == 3
    else:
        assert lines[0] == "都已退出：任务A Z，任务B Z"
        assert lines[2].endswith("任务A 已不存在，任务B Z")  # is_alive() 只回收了任务A
        assert lines[4].endswith("任务A 已不存在，任务B 已不存在")


def orphan(result):
    before(result, r"子进程：os.getppid\(\)", "不等子进程，直接退出")
    [ppid] = numbers(result, r"子进程：os.getppid\(\) = (\d+)，")
    [mp_parent] = numbers(result, r"parent_process\(\).pid = (\d+)")
    [parent] = numbers(result, r"父进程 (\d+)：不等子进程")
    assert mp_parent == parent
    assert count(result, "祖父进程：父进程已退出，exitcode = 0") == 1
    if result.start_method == "forkserver":
        # 操作系统里的父进程是 fork 服务器，不是 parent_process()；它还活着，所以没有过继
        assert ppid != parent
        assert count(result, "（没变）") == 1
    else:
        assert ppid == parent
        assert count(result, "（变了）") == 1
    assert result.lines[-1] == "祖父进程：孤儿进程运行完了"

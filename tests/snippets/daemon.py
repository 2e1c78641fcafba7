"""docs/daemon.md 的说法。"""

from _helpers import before, count, index


def set_after_start(result):
    before(result, "现在才设置 daemon", "^Traceback")
    assert result.lines[-1] == "AssertionError: process has already started"


def ends_with_main(result):
    before(result, "守护子进程：第 1 行", "父进程：主代码执行完了")
    # 主代码结束时守护子进程被结束：它的第 2 行从未打印
    assert count(result, "守护子进程：第 2 行") == 0
    # 普通子进程不受影响，三行全部打印
    assert count(result, "普通子进程：第 . 行") == 3


def no_children(result):
    before(result, "试着创建自己的子进程", "^Process 守护进程-1:$")
    before(result, "^Process 守护进程-1:$", "^AssertionError: daemonic processes are not allowed to have children$")
    assert count(result, "孙进程") == 0
    assert count(result, "创建成功") == 0
    assert result.lines[-1] == "父进程：守护子进程的 exitcode = 1"


def survives_sigkill(result):
    assert count(result, r"守护进程：第 \d 行") == 4  # 父进程被杀之后，守护进程的每一行都打印了
    assert count(result, "守护进程：第 1 行，父进程还活着：True") == 1
    # 中间进程在第 1 行之后几毫秒内就被杀掉；第 3、4 行离那一刻至少 0.5 秒
    assert count(result, "守护进程：第 [34] 行，父进程还活着：False") == 2
    before(result, "守护进程：第 1 行", "用 SIGKILL 结束自己")
    before(result, "用 SIGKILL 结束自己", "守护进程：第 4 行")
    assert count(result, "顶层：中间进程的 exitcode = -9") == 1
    assert index(result, "守护进程运行完了") == len(result.lines) - 1

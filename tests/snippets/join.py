"""docs/join.md 的说法。"""

from _helpers import before, count, index, numbers


def without_join(result):
    [elapsed] = numbers(result, r"执行完了：([\d.]+) 秒")
    assert elapsed < 0.5  # 只是启动子进程的时间，比最短的子进程（0.5 秒）还短
    # 父进程的代码先走完，子进程的结果之后才出现（解释器退出前等它们）
    before(result, "执行完了", "任务A 完成")
    before(result, "执行完了", "任务B 完成")


def join_many(result):
    assert count(result, "完成") == 3
    # 短的先完成，与 start 的顺序无关
    before(result, "任务C 完成", "任务B 完成")
    before(result, "任务B 完成", "任务A 完成")
    joined = numbers(result, r"已 join，此时 ([\d.]+) 秒")
    assert len(joined) == 3
    assert joined[0] >= 0.6 and joined[2] - joined[0] < 0.1  # 等完最长的 A 之后，其余 join 立即返回
    [total] = numbers(result, r"总耗时 ([\d.]+) 秒")
    assert 0.6 <= total < 1.2  # 远小于之和 1.2 秒（余量留给创建进程的开销）


def join_timeout(result):
    assert index(result, r"等了 0.1 秒：is_alive\(\) = True，exitcode = None") == 0
    assert index(result, r"再次 join：is_alive\(\) = False，exitcode = 0") == 1


def loop_wrong_vs_right(result):
    wrong, right = numbers(result, r"耗时 ([\d.]+) 秒")
    assert wrong >= 0.6
    assert 0.2 <= right < wrong - 0.25
    # 错误写法里子进程严格按 0、1、2 依次完成
    lines = result.lines[1:4]
    assert [line.strip() for line in lines] == ["子进程 0 完成", "子进程 1 完成", "子进程 2 完成"]

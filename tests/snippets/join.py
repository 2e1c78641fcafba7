"""docs/join.md 的说法。"""

from _helpers import before, child_spans, count, index, numbers
from snipexec.timeline import overlaps


def without_join(result):
    [elapsed] = numbers(result, r"执行完了：([\d.]+) 秒")
    # 只是启动子进程的时间，比最短的子进程（0.5 秒）还短。forkserver 例外：第一次 start() 要等 fork 服务器
    # （一个新的解释器）启动好，机器忙时可达 0.8 秒，但也只是启动的时间，下面的先后照样成立
    if result.start_method != "forkserver":
        assert elapsed < 0.5
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
    # 计时从父进程通过栅栏算起，它可能比子进程晚醒来几十毫秒：下限留出这点余量，仍比 B 的 0.4 秒长得多
    assert joined[0] >= 0.5 and joined[2] - joined[0] < 0.1  # 等完最长的 A 之后，其余 join 立即返回
    [total] = numbers(result, r"总耗时 ([\d.]+) 秒")
    assert 0.5 <= total < 1.2  # 远小于之和 1.2 秒（计时不含创建进程的开销）


def join_timeout(result):
    assert index(result, r"等了 0.1 秒：is_alive\(\) = True，exitcode = None") == 0
    assert index(result, r"再次 join：is_alive\(\) = False，exitcode = 0") == 1


def loop_wrong_vs_right(result):
    wrong, right = numbers(result, r"耗时 ([\d.]+) 秒")
    assert wrong >= 0.6  # 至少是三次 0.2 秒之和
    assert right >= 0.2
    # 错误写法里子进程严格按 0、1、2 依次完成
    lines = result.lines[1:4]  # 第 0 行是“错误写法”的标题
    assert [line.strip() for line in lines] == ["子进程 0 完成", "子进程 1 完成", "子进程 2 完成"]
    # 两个耗时都含创建进程的开销。机器忙时 spawn 同时启动三个解释器，可能和依次启动一样慢
    # （实测正确写法 1.41 秒、错误写法 1.35 秒），所以不比较耗时，而看时间线：
    # 错误写法的三个子进程一个接一个（存活区间互不重叠），正确写法的子进程同时在运行
    spans = child_spans(result)
    assert len(spans) == 7  # 先有一个预热用的子进程
    wrong_spans, right_spans = spans[1:4], spans[4:]
    assert overlaps(wrong_spans) == 0
    assert overlaps(right_spans) >= 1, right_spans

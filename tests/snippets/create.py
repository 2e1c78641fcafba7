"""docs/create.md 的说法。"""

from _helpers import before, child_spans, count, numbers
from snipexec.timeline import overlaps


def target_function(result):
    # 父进程那行和子进程第一行谁先出现不确定（页面上有说明），只检查 join 保证的顺序
    before(result, "worker-1 结束", "子进程已结束")
    assert count(result, "exitcode = 0") == 1


def subclass_run(result):
    assert count(result, r"任务A：在子进程 \d+ 里运行，name = Greeter-1") == 1
    before(result, "任务A：结束", "exitcode = 0")


def misnamed_run(result):
    assert count(result, "永远不会出现") == 0
    assert count(result, "exitcode = 0") == 1


def serial_vs_concurrent(result):
    assert count(result, "完成") == 6
    [serial] = numbers(result, r"串行：([\d.]+) 秒")
    [concurrent] = numbers(result, r"并发：([\d.]+) 秒")
    assert serial >= 1.2
    assert concurrent >= 0.6  # 至少是最长的任务
    # 并发的耗时还含创建进程的开销。机器忙时 spawn 同时启动三个解释器要 1 秒上下，并发反而可能比串行慢
    # （实测并发 1.74 秒、串行 1.20 秒），所以不比较耗时，而看时间线：三个子进程的存活区间有重叠，确实是同时在等
    spans = child_spans(result)
    assert len(spans) == 3 and overlaps(spans) >= 1, spans

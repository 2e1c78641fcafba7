"""docs/create.md 的说法。"""

from _helpers import before, count, numbers


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
    assert 0.6 <= concurrent < serial  # 负载很高时创建进程变慢，差距会缩小，但并发不会比串行慢

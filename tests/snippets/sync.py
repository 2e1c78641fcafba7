"""docs/sync.md 的说法。"""

import re

from _helpers import before, count, index, numbers


def event_start_signal(result):
    assert count(result, r"就位，等待发令") == 3
    assert count(result, r"出发：") == 3
    # 父进程等三个子进程都报到之后才 set()：所有“就位”在“发令”之前，所有“出发”在它之后
    go = index(result, r"父进程：is_set\(\) = False，发令")
    assert all(i < go for i, line in enumerate(result.lines) if "就位" in line)
    assert all(i > go for i, line in enumerate(result.lines) if "出发" in line)
    [set_at] = numbers(result, r"发令 set\(\)：([\d.]+) 秒")
    started = numbers(result, r"出发：([\d.]+) 秒")
    # 一 set() 就几乎同时放行：页面说晚几毫秒到几十毫秒（唤醒、调度），不到 0.1 秒
    assert all(set_at - 0.001 <= t < set_at + 0.1 for t in started), (set_at, started)
    assert result.lines[-1] == "clear() 之后 is_set() = False"


def event_wait_timeout(result):
    [first] = numbers(result, r"wait\(timeout=0.1\) 返回 False，等了 ([\d.]+) 秒")
    [total] = numbers(result, r"wait\(timeout=5\) 返回 True，一共等了 ([\d.]+) 秒")
    assert 0.09 <= first < 0.4
    assert 0.4 <= total < 4  # 子进程 set() 之后就返回，远不到 5 秒


def semaphore_limit(result):
    assert count(result, r"拿到名额") == 5
    assert count(result, r"归还名额") == 5
    running = numbers(result, r"正在干活的：(\d+) 个")
    assert max(running) <= 2
    [peak] = numbers(result, r"同时干活的进程最多 (\d+) 个")
    assert peak == 2  # 5 个进程同时抢：一定有两个同时持有名额，但绝不会有第三个
    times = numbers(result, r"^([\d.]+) 秒")
    # 5 个 0.3 秒的任务、2 个名额：三轮，从第一个拿到名额到最后一个归还约 0.9 秒（四轮就是 1.2 秒）
    assert 0.85 <= times[-1] - times[0] < 1.15, times


def condition_wait_for(result):
    for k in (1, 2, 3):
        before(result, f"进度更新为 {k}，", f"报告-{k}：")
    for k in (1, 2):  # 两次更新相隔 0.3 秒
        before(result, f"报告-{k}：", f"进度更新为 {k + 1}，")
    checks = dict(re.findall(r"报告-(\d)：.*检查了 (\d+) 次", result.output))
    assert len(checks) == 3
    assert int(checks["3"]) >= 3  # 报告-3 被叫醒过不止一次：条件不满足就接着等
    # 页面说报告-3 检查条件的次数最多：它要等到第三次通知
    assert int(checks["3"]) > max(int(checks["1"]), int(checks["2"])), checks


def barrier_together(result):
    arrived = numbers(result, r"到达栅栏：([\d.]+) 秒")
    passed = numbers(result, r"通过栅栏：([\d.]+) 秒")
    assert len(arrived) == len(passed) == 3
    last_arrival = max(i for i, line in enumerate(result.lines) if "到达" in line)
    first_pass = min(i for i, line in enumerate(result.lines) if "通过" in line)
    assert last_arrival < first_pass  # 最后一个到达之前，谁也过不去
    assert min(passed) >= max(arrived) - 0.01
    assert max(passed) - min(passed) < 0.2  # 一起放行
    assert max(arrived) - min(arrived) >= 0.3  # 到达时间相差很大（准备时间 0.1 / 0.4 / 0.7 秒）
    assert sorted(numbers(result, r"wait\(\) 返回 (\d)")) == [0, 1, 2]

"""docs/lock.md 的说法。"""

import re

from snipexec import timeline
from _helpers import child_spans, count, index, once, overlaps, spans

PAGES = 3
JOBS = ("打印任务-1", "打印任务-2", "打印任务-3")


def _page_lines(result):
    """[(任务名, 页码)]，按输出顺序。"""
    found = []
    for line in result.lines:
        if m := re.match(r"(打印任务-\d)：第 (\d)/3 页", line):
            found.append((m.group(1), int(m.group(2))))
    return found


def _contiguous(pages, job):
    positions = [i for i, (name, _) in enumerate(pages) if name == job]
    return len(positions) == PAGES and positions[-1] - positions[0] == PAGES - 1


def printer_no_lock(result):
    pages = _page_lines(result)
    assert len(pages) == 3 * PAGES
    # 三个任务的页交错：不是三个连在一起的块
    assert not all(_contiguous(pages, job) for job in JOBS), result.output
    # 时间线：没有锁；三个子进程同时活着，每两个的存活区间都有重叠
    assert spans(result, "hold") == []
    alive = child_spans(result)
    assert len(alive) == 3 and timeline.overlaps(alive) == 3, alive


def printer_join_serial(result):
    pages = _page_lines(result)
    # 顺序就是代码里写的 2、1、3，每个任务的页连在一起
    assert pages == [(job, p) for job in ("打印任务-2", "打印任务-1", "打印任务-3") for p in range(1, PAGES + 1)]
    # 时间线上三个子进程一个接一个，存活区间互不重叠
    alive = child_spans(result)
    assert len(alive) == 3 and timeline.overlaps(alive) == 0, alive


def printer_with_lock(result):
    pages = _page_lines(result)
    assert len(pages) == 3 * PAGES
    assert all(_contiguous(pages, job) for job in JOBS), result.output
    assert [p for _, p in pages] == [1, 2, 3] * 3  # 每个块内页码依次递增
    # 时间线：三段持锁区间互不重叠；至少有一个任务等过锁
    holds = spans(result, "hold")
    assert len(holds) == 3 and overlaps(result, "hold") == 0
    assert any(end - start > 0.1 for start, end in spans(result, "wait"))


def lock_not_fair(result):
    assert count(result, r"任务A：第 \d+ 次拿到锁") == 10
    assert count(result, r"任务B：第 \d 次拿到锁") == 3
    # 任务B 请求之后、拿到之前，任务A 又拿到锁的次数；先来先得的话每次都应是 0
    waited, current = [], None
    for line in result.lines:
        if "任务B" in line and "请求锁" in line:
            current = 0
        elif line.startswith("任务A") and current is not None:
            current += 1
        elif "任务B" in line and "拿到锁" in line:
            waited.append(current)
            current = None
    assert len(waited) == 3
    assert max(waited) >= 1, result.output
    assert overlaps(result, "hold") == 0
    # 时间线：先来先得的话，任务B 最多等完任务A 当前这一次持锁（不到 0.1 秒）
    [lane_b] = [lane for lane in timeline.lanes(result.events) if lane.name == "任务B"]
    assert max(end - start for start, end in lane_b.spans["wait"]) > 0.1


def lock_twice(result):
    assert index(result, r"Lock  第一次 acquire\(\)：True") == 0
    assert index(result, r"Lock  第二次 acquire\(timeout=0\.5\)：False") == 1
    assert count(result, r"RLock 第.次 acquire\(\)：True") == 2
    once(result,
         r"<RLock\(MainProcess, 2\)>",
         r"释放一次后：<RLock\(MainProcess, 1\)>",
         r"释放两次后：<RLock\(None, 0\)>")


def release_on_error(result):
    assert count(result, "处理到一半出错了") == 2
    assert count(result, r"manual：子进程已结束，父进程 acquire\(timeout=0\.5\) → False") == 1
    assert count(result, r"with_statement：子进程已结束，父进程 acquire\(timeout=0\.5\) → True") == 1


def global_vs_arg(result):
    # 作为参数传入的锁：三种启动方法下都是同一把
    assert count(result, "参数传进来的锁：拿不到") == 1
    if result.start_method == "fork":
        assert count(result, "全局变量里的锁：拿不到") == 1  # fork 复制了父进程的全局变量
    else:
        assert count(result, "全局变量里的锁：拿到了") == 1  # 重新导入时新建了一把
    if result.start_method == "forkserver":
        # 3.13 及以前每个子进程重新导入主模块，那把新锁建在子进程里、没人清理，资源追踪器报一条警告；
        # 3.14 起主模块只在 fork 服务器里导入一次，没有这条警告（页面这样说）
        leaked = count(result, r"UserWarning: resource_tracker: There appear to be 1 leaked semaphore")
        assert leaked == (0 if result.python >= (3, 14) else 1), result.output


def no_join(result):
    assert count(result, "没有 join") == 1
    if result.start_method == "fork":
        assert count(result, "打印任务-1：打印完毕") == 1
        assert "Error" not in result.output
    elif result.start_method == "spawn":
        assert count(result, r"^FileNotFoundError") == 1
        assert count(result, "打印完毕") == 0
    elif result.python >= (3, 14):
        # forkserver：3.14、3.15 上实测每次都崩溃（页面上的标签页）；3.11 上偶尔能赶在锁被删掉之前打开它，不断言
        assert count(result, r"^FileNotFoundError") == 1
        assert count(result, "打印完毕") == 0

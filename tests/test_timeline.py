"""时间线：记录（src/snipexec/childsite/sitecustomize.py）与绘图（src/snipexec/timeline.py）。"""

from __future__ import annotations

import math
import re
import textwrap

import pytest

import snipexec
from snipexec import timeline

LOCKED = """
    import time
    from multiprocessing import Barrier, Event, Lock, Process, Queue, Semaphore, Value

    def work(lock, locked):
        q = Queue()  # 队列内部也有锁：不应出现在时间线里
        q.put(1); q.get()
        if locked:
            with lock:
                time.sleep(0.1)
        else:
            time.sleep(0.1)

    if __name__ == "__main__":
        import sys
        # 这些对象内部都有锁：都不应出现在时间线里
        helpers = Barrier(1), Event(), Semaphore(2), Value("i", 0)
        helpers[0].wait(); helpers[1].set()
        with helpers[3].get_lock():
            helpers[3].value += 1
        lock = Lock()
        ps = [Process(target=work, args=(lock, sys.argv[0].endswith("locked.py"))) for _ in range(3)]
        for p in ps: p.start()
        for p in ps: p.join()
"""


def snippet(tmp_path, name, code):
    path = tmp_path / "snippets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(code))
    return snipexec.Snippet.load(path, tmp_path)


@pytest.mark.parametrize("method", snipexec.METHODS)
def test_locked_sections_never_overlap_and_internal_locks_are_ignored(tmp_path, method):
    result = snipexec.run(snippet(tmp_path, "locked.py", LOCKED), method, events=True)
    lanes = timeline.lanes(result.events)
    assert [lane.name for lane in lanes] == ["MainProcess", "Process-1", "Process-2", "Process-3"]
    held = [span for lane in lanes for span in lane.spans["hold"]]
    assert len(held) == 3  # 每个子进程持锁一次；Queue、Barrier、Event、Value 内部的锁没有被记录
    assert timeline.overlaps(held) == 0
    assert "持有锁的区间互不重叠" in timeline.caption(lanes)


def test_unlocked_sections_overlap(tmp_path):
    result = snipexec.run(snippet(tmp_path, "free.py", LOCKED), events=True)
    lanes = timeline.lanes(result.events)
    assert not [span for lane in lanes for span in lane.spans["hold"]]
    alive = [span for lane in lanes[1:] for span in lane.spans["alive"]]
    assert timeline.overlaps(alive) == 3  # 三个子进程两两同时存活


@pytest.mark.parametrize("method", snipexec.METHODS)
def test_pool_tasks_are_recorded(tmp_path, method):
    code = """
        from multiprocessing import Pool

        def square(x):
            return x * x

        if __name__ == "__main__":
            with Pool(2) as pool:
                print(pool.map(square, range(6), chunksize=2))
    """
    result = snipexec.run(snippet(tmp_path, "pool.py", code), method, events=True)
    assert result.output == "[0, 1, 4, 9, 16, 25]\n"  # 记录不出现在输出里
    lanes = timeline.lanes(result.events)
    assert sum(len(lane.spans["task"]) for lane in lanes) == 3  # 6 个数，每批 2 个


def test_svg_keeps_text_as_text_and_follows_the_theme(tmp_path):
    result = snipexec.run(snippet(tmp_path, "locked.py", LOCKED), events=True)
    svg = timeline.svg(result.events)
    assert svg.startswith("<svg") and "<text" in svg and "持有锁" in svg
    assert "currentColor" in svg and "#000000" not in svg
    assert "\n" not in svg  # 嵌进 Markdown 的 HTML 块里不能有空行


def test_charts_have_no_ids_so_several_on_one_page_cannot_collide():
    events = [[0, 1, "start", "MainProcess"], [0.1, 2, "start", "A"], [0.3, 2, "end", "A"], [0.4, 1, "end", "MainProcess"]]
    svg = timeline.svg(events)
    assert not re.search(r"\sid=|url\(#|href=", svg)


def test_process_names_are_escaped():
    events = [[0, 1, "start", "MainProcess"], [0.1, 2, "start", "<b>&甲"], [0.3, 2, "end", "<b>&甲"], [0.4, 1, "end", "MainProcess"]]
    svg = timeline.svg(events)
    assert "&lt;b&gt;&amp;甲" in svg and "<b>" not in svg


def charts(html: str) -> dict[str, str]:
    """timeline.svg 的结果里的两张图：宽屏的和窄屏的（按 class 区分）。"""
    return {kind: svg for svg, kind in re.findall(r'(<svg class="timeline-(\w+)".*?</svg>)', html)}


@pytest.mark.parametrize("kind", ["wide", "narrow"])
def test_spans_are_placed_on_the_time_axis(kind):
    events = [[0, 1, "start", "MainProcess"], [0.5, 2, "start", "A"], [1.5, 2, "end", "A"], [2.0, 1, "end", "MainProcess"]]
    svg = charts(timeline.svg(events))[kind]
    bars = {title: (float(x), float(w)) for x, w, title in
            re.findall(r'<rect class="tl-\w+" x="([\d.]+)" y="[\d.]+" width="([\d.]+)"[^>]*><title>([^<]*)</title>', svg)}
    (main_x, main_w), (a_x, a_w) = bars["MainProcess：进程存活 0.000–2.000 秒"], bars["A：进程存活 0.500–1.500 秒"]
    ticks = {label: float(x) for x, label in re.findall(r'<text x="([\d.]+)" y="[\d.]+" text-anchor="middle">([\d.]+)</text>', svg)}
    assert list(ticks) == ["0", "0.5", "1", "1.5", "2"]
    marks = [float(x) for x in re.findall(r"M([\d.]+) [\d.]+v", svg)]  # 坐标轴上的刻度线
    assert marks == pytest.approx(list(ticks.values()), abs=0.2)
    # 区间的两端正好落在对应的刻度上
    assert main_x == pytest.approx(ticks["0"], abs=0.2) and main_x + main_w == pytest.approx(ticks["2"], abs=0.2)
    assert a_x == pytest.approx(ticks["0.5"], abs=0.2) and a_x + a_w == pytest.approx(ticks["1.5"], abs=0.2)


LOCK_EVENTS = [[0, 1, "start", "MainProcess"], [0.1, 2, "start", "ForkServerPoolWorker-1"],
               [0.2, 2, "lock-request", "ForkServerPoolWorker-1"], [0.3, 2, "lock-acquire", "ForkServerPoolWorker-1"],
               [0.5, 2, "lock-release", "ForkServerPoolWorker-1"], [0.6, 2, "task-start", "ForkServerPoolWorker-1"],
               [0.9, 2, "task-end", "ForkServerPoolWorker-1"], [1.0, 2, "end", "ForkServerPoolWorker-1"],
               [2.0, 1, "end", "MainProcess"]]


def test_the_narrow_chart_fits_a_phone_with_its_whole_legend():
    # 390 px 宽的手机上正文约 358 px：窄屏那张按原尺寸放得下，图例（四项）换行也都在图里
    svg = charts(timeline.svg(LOCK_EVENTS))["narrow"]
    width = float(re.search(r'viewBox="0 0 ([\d.]+) ', svg)[1])
    assert width <= 360
    legend = re.findall(r'<rect class="tl-(\w+)" x="([\d.]+)" y="[\d.]+" width="12" [^>]*/><text x="([\d.]+)"[^>]*>([^<]+)</text>', svg)
    assert [k for k, *_ in legend] == ["alive", "task", "wait", "hold"]
    for _, x, text_x, text in legend:
        assert 0 <= float(x) and float(text_x) + timeline._em_width(text) * timeline.FONT <= width
    # 泳道名写在色块上方，从左边开始，不占横轴的宽度
    names = re.findall(r'<text x="([\d.]+)" y="[\d.]+" dy=".35em">(MainProcess|ForkServerPoolWorker-1)</text>', svg)
    assert len(names) == 2 and all(float(x) <= 2.5 * timeline.GAP for x, _ in names)


def test_every_span_is_a_row_of_the_data_table():
    html = timeline.svg(LOCK_EVENTS)
    table = re.search(r'<details class="[^"]*timeline-data[^"]*" data-search-exclude><summary>.*?</summary><table>(.*)</table></details>', html)[1]
    rows = re.findall(r"<tr><td>([^<]*)</td><td>([^<]*)</td><td>([\d.]+)</td><td>([\d.]+)</td><td>([\d.]+)</td></tr>", table)
    titles = re.findall(r"<title>([^<]*)</title>", charts(html)["wide"])
    assert len(rows) == len(titles) == 5  # 两个进程存活、等待、持有、一个任务
    assert ("ForkServerPoolWorker-1", "等待锁", "0.200", "0.300", "0.100") in rows
    assert all(f"{name}：{what} {start}–{end} 秒" in titles for name, what, start, end, _ in rows)


def test_colours_come_from_the_page_and_wait_is_thinner_than_hold():
    # 深色主题的颜色由页面样式按 class 给出（fill 只是后备）；等待锁的色块比持有锁的细，不靠颜色也分得开
    svg = charts(timeline.svg(LOCK_EVENTS))["wide"]
    heights = {k: float(h) for k, h in re.findall(r'<rect class="tl-(\w+)" x="[\d.]+" y="[\d.]+" width="[\d.]+" height="([\d.]+)"[^>]*><title>', svg)}
    assert heights["wait"] < heights["hold"]
    assert all(f'class="tl-{k}"' in svg for k in timeline.COLORS)


@pytest.mark.parametrize("end", [0.0004, 0.37, 1.0, 3.04, 12.5, 480.0])
def test_ticks_cover_the_data_with_a_few_round_steps(end):
    right, marks = timeline.ticks(end)
    assert right >= end and marks[0] == 0 and 4 <= len(marks) <= 8
    step = marks[1]
    assert all(b - a == pytest.approx(step) for a, b in zip(marks, marks[1:]))
    assert marks[-1] <= right < marks[-1] + 2 * step
    mantissa = step / 10 ** math.floor(math.log10(step))
    assert round(mantissa, 6) in {1, 2, 2.5, 5}


def test_caption_reports_overlap_when_it_happens():
    events = [[0, 1, "start", "MainProcess"], [0.1, 2, "lock-acquire", "A"], [0.1, 3, "lock-acquire", "B"],
              [0.3, 2, "lock-release", "A"], [0.3, 3, "lock-release", "B"], [0.4, 1, "end", "MainProcess"]]
    assert "有 1 处重叠" in timeline.caption(timeline.lanes(events))

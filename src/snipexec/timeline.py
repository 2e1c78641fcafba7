"""把片段运行时记录的事件画成时间线（SVG，文字保留为文字，随页面主题变色）。

事件由 childsite/sitecustomize.py 记录：进程开始/结束、锁的请求/获得/释放、进程池任务的开始/结束。
每个进程一条泳道；说明文字由数据算出，不写死任何结论。
"""

from __future__ import annotations

import html
import math
import unicodedata
from dataclasses import dataclass, field

from .childsite import snipexec_contract as c  # 记录的类型（由注入片段进程的 sitecustomize 写出）

# 浅色主题里的颜色（深色主题的见 docs/stylesheets/extra.css 的 .snippet-timeline）：
# 都和白色背景至少 4.5:1，深色主题里的和深色背景至少 4.5:1，图形要求的是 3:1
COLORS = {
    "alive": "#767676",
    "task": "#1976d2",
    "wait": "#b35c00",
    "hold": "#c62828",
}
LEGEND = {"alive": "进程存活", "task": "进程池任务", "wait": "等待锁", "hold": "持有锁"}
# 色块的高度（占泳道高度的比例）：等待锁的比持有锁的细，不靠颜色也分得开
HEIGHTS = {"alive": 0.16, "task": 0.56, "wait": 0.34, "hold": 0.56}
WIDTH = 640  # SVG 的用户单位；宽屏上按原尺寸显示（见 docs/stylesheets/extra.css）
NARROW = 360  # 手机上换成这张：泳道名在色块上方，横轴占满宽度，按原尺寸正好放得下（390 px 宽的屏幕）
FONT = 12  # 字号，同一单位
LANE = 28  # 每条泳道的高度
GAP = 8


@dataclass
class Lane:
    pid: int
    name: str
    spans: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: {k: [] for k in COLORS})


def lanes(events: list) -> list[Lane]:
    """按进程整理出各类区间：[开始, 结束)。没有结束记录的区间截到最后一条记录。"""
    by_pid: dict[int, Lane] = {}
    opened: dict[tuple[int, str], float] = {}
    pairs = {c.START: ("alive", True), c.END: ("alive", False), c.TASK_START: ("task", True),
             c.TASK_END: ("task", False), c.LOCK_REQUEST: ("wait", True), c.LOCK_ACQUIRE: ("hold", True),
             c.LOCK_RELEASE: ("hold", False)}
    last = max((e[0] for e in events), default=0.0)
    for t, pid, kind, name in events:
        lane = by_pid.setdefault(pid, Lane(pid, name))
        lane.name = name
        what, opening = pairs[kind]
        if kind == c.LOCK_ACQUIRE and (pid, "wait") in opened:  # 等待到此结束
            lane.spans["wait"].append((opened.pop((pid, "wait")), t))
        if opening:
            opened[(pid, what)] = t
        elif (pid, what) in opened:
            lane.spans[what].append((opened.pop((pid, what)), t))
    for (pid, what), t in opened.items():
        by_pid[pid].spans[what].append((t, last))
    # 主进程在最上面，其余按 PID（即创建顺序）排列
    ordered = list(by_pid.values())
    return ordered[:1] + sorted(ordered[1:], key=lambda lane: lane.pid)


def overlaps(spans: list[tuple[float, float]]) -> int:
    """有多少对区间重叠（用来说明“持有锁的区间互不重叠”是否成立）。"""
    ordered = sorted(spans)
    return sum(1 for i, (s1, e1) in enumerate(ordered) for s2, _ in ordered[i + 1:] if s2 < e1)


def caption(all_lanes: list[Lane]) -> str:
    children = [lane for lane in all_lanes[1:] if lane.spans["alive"]]
    parts = [f"时间线（本次运行的真实记录）：{len(all_lanes)} 个进程"]
    if children:
        first = min(s for lane in children for s, _ in lane.spans["alive"])
        last = max(e for lane in children for _, e in lane.spans["alive"])
        longest = max(sum(e - s for s, e in lane.spans["alive"]) for lane in children)
        parts.append(f"子进程从第一个开始到最后一个结束共 {last - first:.2f} 秒，最长的一个存活 {longest:.2f} 秒")
    tasks = [lane for lane in all_lanes if lane.spans["task"]]
    if tasks:
        count = sum(len(lane.spans["task"]) for lane in tasks)
        parts.append(f"{count} 批任务分布在 {len(tasks)} 个工作进程上")
    held = [span for lane in all_lanes for span in lane.spans["hold"]]
    if held:
        clash = overlaps(held)
        parts.append("持有锁的区间互不重叠" if not clash else f"持有锁的区间有 {clash} 处重叠")
    return "；".join(parts) + "。"


def _em_width(text: str) -> float:
    """文字大约占几个字宽：汉字等全角字符 1 个，其余约 0.6 个（浏览器用自己的字体显示，只能估计）。"""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def ticks(end: float) -> tuple[float, list[float]]:
    """0 到 end 之间的刻度：步长取 1、2、2.5、5 乘以 10 的幂里能让间隔不超过 7 个的最小者，刻度 4–8 个。

    返回（坐标轴的右端，刻度）。
    """
    end = max(end, 0.001)
    step = 10.0 ** math.floor(math.log10(end / 7))
    for factor in (1, 2, 2.5, 5, 10):
        if end / (step * factor) <= 7:
            step *= factor
            break
    count = math.floor(end / step + 1e-9)
    return max(end * 1.03, count * step), [round(i * step, 10) for i in range(count + 1)]


def _label(value: float) -> str:
    return f"{value:.3f}".rstrip("0").rstrip(".") if value else "0"


def _legend(used: list[str], width: float) -> tuple[list[str], float]:
    """图例：色块后面跟文字，一行放不下就换行，每行居中。返回（SVG 片段，图例占的高度）。"""
    rows: list[list[tuple[str, float]]] = [[]]
    for k in used:
        w = FONT + GAP / 2 + _em_width(LEGEND[k]) * FONT
        if rows[-1] and sum(x for _, x in rows[-1]) + 2 * GAP * len(rows[-1]) + w > width - 2 * GAP:
            rows.append([])
        rows[-1].append((k, w))
    parts = []
    for r, row in enumerate(rows):
        cursor = (width - sum(w for _, w in row) - 2 * GAP * (len(row) - 1)) / 2
        y = FONT * (1 + 1.6 * r)
        for k, w in row:
            parts.append(f'<rect class="tl-{k}" x="{cursor:.1f}" y="{y - FONT * 0.4:.1f}" width="{FONT}" '
                         f'height="{FONT * 0.8:.1f}" fill="{COLORS[k]}"/>'
                         f'<text x="{cursor + FONT + GAP / 2:.1f}" y="{y:.1f}" dy=".35em">{LEGEND[k]}</text>')
            cursor += w + 2 * GAP
    return parts, FONT * (1.6 * len(rows) + 1)


def _draw(all_lanes: list[Lane], width: int, names_above: bool) -> str:
    """一张图：names_above 时泳道名写在色块上方（窄屏），否则写在左边（宽屏）。"""
    used = [k for k in COLORS if any(lane.spans[k] for lane in all_lanes)]
    parts, top = _legend(used, width)
    if names_above:  # 名字一行，下面是色块那一条，再空一点才是下一个进程的名字
        left, lane_height, bar_offset = 2 * GAP, FONT * 1.3 + LANE * 0.7 + GAP, FONT * 1.3 + LANE * 0.35
    else:
        labels = max(_em_width(lane.name) for lane in all_lanes) * FONT
        left, lane_height, bar_offset = labels + 2 * GAP, LANE, LANE / 2
    right = width - 2 * GAP
    bottom = top + lane_height * len(all_lanes)
    height = bottom + 3.6 * FONT  # 刻度、刻度值、坐标轴名
    end, marks = ticks(max((e for lane in all_lanes for spans in lane.spans.values() for _, e in spans), default=0))

    def x(t: float) -> float:
        return left + (right - left) * t / end

    for row, lane in enumerate(all_lanes):
        middle = top + lane_height * row + bar_offset  # 色块的中线
        name = html.escape(lane.name)
        if names_above:
            parts.append(f'<text x="{left + GAP / 2:.1f}" y="{top + lane_height * row + FONT * 0.6:.1f}" dy=".35em">{name}</text>')
        else:
            parts.append(f'<text x="{left - GAP:.1f}" y="{middle:.1f}" dy=".35em" text-anchor="end">{name}</text>')
        for what in COLORS:
            size = LANE * HEIGHTS[what]
            for s, e in lane.spans[what]:
                bar = max(x(e) - x(s), 1.0)  # 极短的区间（一次很快的加锁）至少画 1 个单位宽
                parts.append(f'<rect class="tl-{what}" x="{x(s):.1f}" y="{middle - size / 2:.1f}" width="{bar:.1f}" '
                             f'height="{size:.1f}" fill="{COLORS[what]}"><title>{name}：{LEGEND[what]} '
                             f'{s:.3f}–{e:.3f} 秒</title></rect>')
    axis = f'M{left:.1f} {top:.1f}V{bottom:.1f}H{right:.1f}'
    axis += "".join(f"M{x(t):.1f} {bottom:.1f}v{GAP / 2:.1f}" for t in marks)
    parts.append(f'<path d="{axis}" fill="none" stroke="currentColor" stroke-width="1"/>')
    parts += [f'<text x="{x(t):.1f}" y="{bottom + 1.6 * FONT:.1f}" text-anchor="middle">{_label(t)}</text>' for t in marks]
    parts.append(f'<text x="{(left + right) / 2:.1f}" y="{height - GAP / 2:.1f}" text-anchor="middle">时间（秒，从第一条记录算起）</text>')
    kind = "narrow" if names_above else "wide"
    label = f"时间线图：{len(all_lanes)} 个进程各占一条泳道，每个区间的起止时间见图下的“时间线数据”表格"
    return (f'<svg class="timeline-{kind}" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height:.0f}" '
            f'width="{width}" height="{height:.0f}" role="img" aria-label="{label}" data-search-exclude '
            f'fill="currentColor" font-size="{FONT}" font-family="inherit">{"".join(parts)}</svg>')


def table(all_lanes: list[Lane]) -> str:
    """图的文字版：每个区间一行（进程、状态、开始、结束、时长），折叠在 <details> 里，不进站内搜索。"""
    rows = []
    for lane in all_lanes:
        spans = sorted((s, e, what) for what in COLORS for s, e in lane.spans[what])
        for s, e, what in spans:
            rows.append(f"<tr><td>{html.escape(lane.name)}</td><td>{LEGEND[what]}</td>"
                        f"<td>{s:.3f}</td><td>{e:.3f}</td><td>{e - s:.3f}</td></tr>")
    return ('<details class="figure-data timeline-data" data-search-exclude><summary>时间线数据（每个区间的起止时间，单位：秒）</summary>'
            '<table><thead><tr><th scope="col">进程</th><th scope="col">状态</th><th scope="col">开始</th>'
            f'<th scope="col">结束</th><th scope="col">时长</th></tr></thead><tbody>{"".join(rows)}</tbody></table></details>')


def svg(events: list) -> str:
    """时间线图（放在引擎的 <figure> 里、图注之前）：宽屏和窄屏各一张内嵌 SVG（CSS 按屏幕宽度只显示其中一张），
    后面是折叠起来的数据表（图的文字版）。

    SVG 只有矩形、线和文字，文字和坐标轴用 currentColor 跟随页面的浅色/深色主题，色块的颜色由页面样式按主题给出
    （fill 属性是没有样式表时的后备），字体交给页面。没有 id、没有脚本和外部引用，同一页上放几张也互不干扰；
    没有可画的内容时返回空字符串。
    """
    all_lanes = lanes(events)
    if not all_lanes:
        return ""
    return _draw(all_lanes, WIDTH, names_above=False) + _draw(all_lanes, NARROW, names_above=True) + table(all_lanes)

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

COLORS = {  # 在浅色和深色背景上都看得清的中等饱和度颜色
    "alive": "#9e9e9e",
    "task": "#1e88e5",
    "wait": "#fb8c00",
    "hold": "#e53935",
}
LEGEND = {"alive": "进程存活", "task": "进程池任务", "wait": "等待锁", "hold": "持有锁"}
WIDTH = 640  # SVG 的用户单位；页面上按容器宽度缩放（见 docs/stylesheets/extra.css）
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


def svg(events: list) -> str:
    """画成内嵌的 SVG：矩形和文字，文字和坐标轴用 currentColor 跟随页面的浅色/深色主题，字体交给页面。

    没有 id、没有脚本和外部引用，同一页上放几张也互不干扰；没有可画的内容时返回空字符串。
    """
    all_lanes = lanes(events)
    if not all_lanes:
        return ""
    labels = max(_em_width(lane.name) for lane in all_lanes) * FONT
    left, right, top = labels + 2 * GAP, WIDTH - 2 * GAP, 2.6 * FONT  # 左边是泳道名，上面是图例
    bottom = top + LANE * len(all_lanes)
    height = bottom + 3.6 * FONT  # 刻度、刻度值、坐标轴名
    end, marks = ticks(max((e for lane in all_lanes for spans in lane.spans.values() for _, e in spans), default=0))

    def x(t: float) -> float:
        return left + (right - left) * t / end

    parts = []
    used = [k for k in COLORS if any(lane.spans[k] for lane in all_lanes)]
    # 图例：居中排成一行，色块后面跟文字
    widths = [FONT + GAP / 2 + _em_width(LEGEND[k]) * FONT for k in used]
    cursor = (WIDTH - sum(widths) - 2 * GAP * (len(used) - 1)) / 2
    for k, w in zip(used, widths):
        parts.append(f'<rect x="{cursor:.1f}" y="{FONT * 0.6:.1f}" width="{FONT}" height="{FONT * 0.8:.1f}" fill="{COLORS[k]}"/>'
                     f'<text x="{cursor + FONT + GAP / 2:.1f}" y="{FONT:.1f}" dy=".35em">{LEGEND[k]}</text>')
        cursor += w + 2 * GAP
    for row, lane in enumerate(all_lanes):
        middle = top + LANE * (row + 0.5)
        name = html.escape(lane.name)
        parts.append(f'<text x="{left - GAP:.1f}" y="{middle:.1f}" dy=".35em" text-anchor="end">{name}</text>')
        for what in COLORS:
            size = LANE * (0.16 if what == "alive" else 0.56)
            for s, e in lane.spans[what]:
                width = max(x(e) - x(s), 1.0)  # 极短的区间（一次很快的加锁）至少画 1 个单位宽
                parts.append(f'<rect x="{x(s):.1f}" y="{middle - size / 2:.1f}" width="{width:.1f}" height="{size:.1f}" '
                             f'fill="{COLORS[what]}"><title>{name}：{LEGEND[what]} {s:.3f}–{e:.3f} 秒</title></rect>')
    axis = f'M{left:.1f} {top:.1f}V{bottom:.1f}H{right:.1f}'
    axis += "".join(f"M{x(t):.1f} {bottom:.1f}v{GAP / 2:.1f}" for t in marks)
    parts.append(f'<path d="{axis}" fill="none" stroke="currentColor" stroke-width="1"/>')
    parts += [f'<text x="{x(t):.1f}" y="{bottom + 1.6 * FONT:.1f}" text-anchor="middle">{_label(t)}</text>' for t in marks]
    parts.append(f'<text x="{(left + right) / 2:.1f}" y="{height - GAP / 2:.1f}" text-anchor="middle">时间（秒，从第一条记录算起）</text>')
    # 图里的刻度、图例、坐标轴名不进站内搜索（图注是算出来的文字，照常可搜）
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {WIDTH} {height:.0f}" width="{WIDTH}" '
            f'height="{height:.0f}" role="img" aria-label="时间线" data-search-exclude fill="currentColor" '
            f'font-size="{FONT}" font-family="inherit">{"".join(parts)}</svg>')

"""把片段运行时记录的事件画成时间线（SVG，文字保留为文字，随页面主题变色）。

事件由 tools/childsite/sitecustomize.py 记录：进程开始/结束、锁的请求/获得/释放、进程池任务的开始/结束。
每个进程一条泳道；说明文字由数据算出，不写死任何结论。
"""

from __future__ import annotations

import hashlib
import io
import logging
import re
import threading
import unicodedata
import warnings
from dataclasses import dataclass, field

COLORS = {  # 在浅色和深色背景上都看得清的中等饱和度颜色
    "alive": "#9e9e9e",
    "task": "#1e88e5",
    "wait": "#fb8c00",
    "hold": "#e53935",
}
LEGEND = {"alive": "进程存活", "task": "进程池任务", "wait": "等待锁", "hold": "持有锁"}
WIDTH = 6.4  # 英寸
_draw_lock = threading.Lock()  # matplotlib 不保证线程安全；构建时多个线程可能同时画


@dataclass
class Lane:
    pid: int
    name: str
    spans: dict[str, list[tuple[float, float]]] = field(default_factory=lambda: {k: [] for k in COLORS})


def lanes(events: list) -> list[Lane]:
    """按进程整理出各类区间：[开始, 结束)。没有结束记录的区间截到最后一条记录。"""
    by_pid: dict[int, Lane] = {}
    opened: dict[tuple[int, str], float] = {}
    pairs = {"start": ("alive", True), "end": ("alive", False), "task-start": ("task", True),
             "task-end": ("task", False), "lock-request": ("wait", True), "lock-acquire": ("hold", True),
             "lock-release": ("hold", False)}
    last = max((e[0] for e in events), default=0.0)
    for t, pid, kind, name in events:
        lane = by_pid.setdefault(pid, Lane(pid, name))
        lane.name = name
        what, opening = pairs[kind]
        if kind == "lock-acquire" and (pid, "wait") in opened:  # 等待到此结束
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


def svg(events: list) -> str:
    """画成内嵌的 SVG；没有可画的内容时返回空字符串。"""
    all_lanes = lanes(events)
    if not all_lanes:
        return ""
    with _draw_lock, warnings.catch_warnings():
        warnings.simplefilter("ignore")  # 本机字体缺中文字形的警告：文字以文字输出，由浏览器的字体显示
        logging.getLogger("matplotlib").setLevel(logging.ERROR)
        from matplotlib import rc_context
        from matplotlib.figure import Figure
        from matplotlib.patches import Patch

        with rc_context({"svg.fonttype": "none", "font.size": 10, "svg.hashsalt": "snipexec"}):
            height = 0.42 * len(all_lanes) + 1.0
            fig = Figure(figsize=(WIDTH, height))
            ax = fig.subplots()
            for row, lane in enumerate(all_lanes):
                y = len(all_lanes) - 1 - row
                for what, size in (("alive", 0.16), ("task", 0.56), ("wait", 0.56), ("hold", 0.56)):
                    spans = [(s, max(e - s, 0.002)) for s, e in lane.spans[what]]
                    if spans:
                        ax.broken_barh(spans, (y - size / 2, size), facecolors=COLORS[what], linewidth=0)
            ax.set_yticks(range(len(all_lanes)), [lane.name for lane in reversed(all_lanes)])
            ax.set_xlabel("时间（秒，从第一条记录算起）")
            ax.set_xlim(left=0)
            ax.set_ylim(-0.6, len(all_lanes) - 0.4)
            for side in ("top", "right"):
                ax.spines[side].set_visible(False)
            used = [k for k in COLORS if any(lane.spans[k] for lane in all_lanes)]
            ax.legend(handles=[Patch(color=COLORS[k], label=LEGEND[k]) for k in used], loc="lower center",
                      bbox_to_anchor=(0.5, 1.0), ncols=len(used), frameon=False)
            # 页边距按泳道名的长度算，不用 bbox_inches="tight"：那要把整张图多画一遍，画图的时间多一半
            labels = max(_em_width(lane.name) for lane in all_lanes) * 10 / 72  # 英寸，字号 10 磅
            fig.subplots_adjust(left=(labels + 0.2) / WIDTH, right=1 - 0.2 / WIDTH,
                                bottom=0.6 / height, top=1 - 0.4 / height)
            out = io.StringIO()
            fig.savefig(out, format="svg", transparent=True, metadata={"Date": None})
    text = out.getvalue()
    text = text[text.index("<svg"):]
    # 黑色的文字和坐标轴改成 currentColor，跟随页面的浅色/深色主题；字体交给页面
    text = re.sub(r"#000000|black", "currentColor", text)
    text = re.sub(r"font-family: ?[^;\"]*", "font-family: inherit", text)
    text = re.sub(r"font: ([\d.]+px) '[^\"]*?'(;|\")", r"font-size: \1; font-family: inherit\2", text)
    # 图里的刻度、图例、坐标轴名不进站内搜索（图注是算出来的文字，照常可搜）
    text = text.replace("<svg ", '<svg role="img" aria-label="时间线" data-search-exclude ', 1)
    # matplotlib 的 id（figure_1、axes_1、按形状取名的裁剪路径……）在每张图里都一样：同一页上的几张图
    # 会出现重复的 id。给每张图的 id 和对它们的引用加上由数据决定的前缀，页面上的 id 不再重复
    prefix = "tl" + hashlib.sha256(repr(events).encode()).hexdigest()[:8] + "-"
    text = re.sub(r'(\sid="|url\(#|href="#)', rf"\g<1>{prefix}", text)
    return re.sub(r">\s+<", "><", text).replace("\n", " ")

"""构建时把 mermaid 的状态图（stateDiagram-v2 的一个小子集）画成内嵌 SVG，页面不再从 CDN 加载 mermaid。

mkdocs.yml 里 superfences 的 mermaid 围栏用这里的 format：页面源文件照旧写 mermaid 语法（在 GitHub 上也能预览），
站点里是我们自己画的 SVG，离线、在加载不了 CDN 的地方都一样显示。支持的写法：

    stateDiagram-v2
        direction TB
        state "显示的名字" as 标识
        A --> B: 转换的说明
        [*] --> A          （左边的 [*] 是开始，右边的是结束）

布局：按从开始出发的最长路径分层，自上而下；相邻层之间的转换画成竖直的箭头、说明写在右边，
跨层的转换从左侧绕过去、说明写在左边。图里的文字和线用 currentColor，跟随页面的浅色/深色主题。
"""

from __future__ import annotations

import html
import re
import unicodedata
from dataclasses import dataclass

FONT = 13
BOX_H = 30  # 状态框的高度
ROW = 60  # 相邻两层中心之间的距离（箭头旁边写得下一行说明）
PAD = 12


try:  # superfences 会吞掉围栏里的普通异常、把块当成普通代码渲染；这个异常会被放行，让构建失败
    from pymdownx.superfences import SuperFencesException as _FenceError
except ImportError:
    _FenceError = Exception


class DiagramError(_FenceError):
    """状态图写了不支持的语法，或画不出来（有环）。"""


@dataclass
class Edge:
    source: str
    target: str
    label: str


def _em(text: str) -> float:
    """文字大约占几个字宽：全角 1 个，其余约 0.6 个。"""
    return sum(1.0 if unicodedata.east_asian_width(ch) in "WF" else 0.6 for ch in text)


def parse(source: str) -> tuple[dict[str, str], list[Edge]]:
    """返回（标识 → 显示的名字，转换）。开始和结束分别是 "[*]start" 和 "[*]end"。"""
    lines = [line.strip() for line in source.strip().splitlines() if line.strip() and not line.strip().startswith("%%")]
    if not lines or lines[0] not in {"stateDiagram-v2", "stateDiagram"}:
        raise DiagramError("构建时只能画状态图：mermaid 围栏的第一行应当是 stateDiagram-v2")
    names: dict[str, str] = {}
    edges: list[Edge] = []
    for line in lines[1:]:
        if re.fullmatch(r"direction\s+TB", line):
            continue
        if m := re.fullmatch(r'state\s+"([^"]+)"\s+as\s+(\w+)', line):
            names[m[2]] = m[1]
        elif m := re.fullmatch(r"(\[\*\]|\w+)\s*-->\s*(\[\*\]|\w+)\s*(?::\s*(.*))?", line):
            source_id = "[*]start" if m[1] == "[*]" else m[1]
            target_id = "[*]end" if m[2] == "[*]" else m[2]
            for node in (source_id, target_id):
                names.setdefault(node, "" if node.startswith("[*]") else node)
            edges.append(Edge(source_id, target_id, (m[3] or "").strip()))
        else:
            raise DiagramError(f"状态图里这一行不认识（只支持 state \"名字\" as 标识、A --> B: 说明、direction TB）：{line}")
    return names, edges


def layers(names: dict[str, str], edges: list[Edge]) -> dict[str, int]:
    """每个状态在第几层：从开始出发的最长路径。有环时报错（这个简单的布局画不了）。"""
    layer = {node: 0 for node in names}
    for _ in range(len(names) + 1):
        changed = False
        for edge in edges:
            if layer[edge.target] < layer[edge.source] + 1:
                layer[edge.target] = layer[edge.source] + 1
                changed = True
        if not changed:
            return layer
    raise DiagramError("状态图里有环：构建时的简单布局只能画没有环的图")


def _arrow(x: float, y: float, dx: float, dy: float) -> str:
    """箭头尖在 (x, y)，指向 (dx, dy) 方向（单位向量）。"""
    size, half = 7.0, 3.5
    bx, by = x - dx * size, y - dy * size
    return (f'<path d="M{x:.1f} {y:.1f}L{bx - dy * half:.1f} {by + dx * half:.1f}'
            f'L{bx + dy * half:.1f} {by - dx * half:.1f}Z" stroke="none"/>')


def svg(source: str) -> str:
    names, edges = parse(source)
    layer = layers(names, edges)
    rows: dict[int, list[str]] = {}
    for node in names:
        rows.setdefault(layer[node], []).append(node)

    def box_width(node: str) -> float:
        return 16.0 if node.startswith("[*]") else _em(names[node]) * FONT + 2 * PAD

    skips = [e for e in edges if layer[e.target] - layer[e.source] > 1]
    straight = [e for e in edges if layer[e.target] - layer[e.source] == 1]
    left_room = max((_em(e.label) * FONT for e in skips), default=0) + (PAD * 2.5 if skips else 0)
    row_widths = {r: sum(box_width(n) for n in ns) + 2 * PAD * (len(ns) - 1) for r, ns in rows.items()}
    core = max(row_widths.values())
    right_room = max((_em(e.label) * FONT for e in straight), default=0) + PAD
    center = PAD + left_room + core / 2
    width = center + core / 2 + right_room + PAD
    height = PAD * 2 + ROW * max(rows) + BOX_H

    pos: dict[str, tuple[float, float, float]] = {}  # 中心 x、中心 y、半宽
    for r, ns in rows.items():
        x = center - row_widths[r] / 2
        for n in ns:
            w = box_width(n)
            pos[n] = (x + w / 2, PAD + BOX_H / 2 + ROW * r, w / 2)
            x += w + 2 * PAD

    parts = []
    for node, (x, y, half) in pos.items():
        if node == "[*]start":
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="7" stroke="none"/>')
        elif node == "[*]end":
            parts.append(f'<circle cx="{x:.1f}" cy="{y:.1f}" r="8" fill="none" stroke="currentColor" stroke-width="1.5"/>'
                         f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4.5" stroke="none"/>')
        else:
            parts.append(f'<rect class="sd-state" x="{x - half:.1f}" y="{y - BOX_H / 2:.1f}" width="{2 * half:.1f}" '
                         f'height="{BOX_H}" rx="8" stroke-width="1.2"/>'
                         f'<text x="{x:.1f}" y="{y:.1f}" dy=".35em" text-anchor="middle">{html.escape(names[node])}</text>')

    def reach(node: str) -> float:  # 从中心到边框（上下方向）
        return 8.0 if node.startswith("[*]") else BOX_H / 2

    for e in straight:
        (x1, y1, _), (x2, y2, _) = pos[e.source], pos[e.target]
        y1, y2 = y1 + reach(e.source), y2 - reach(e.target)
        length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
        parts.append(f'<path d="M{x1:.1f} {y1:.1f}L{x2:.1f} {y2:.1f}" fill="none" stroke="currentColor" stroke-width="1.2"/>')
        parts.append(_arrow(x2, y2, (x2 - x1) / length, (y2 - y1) / length))
        if e.label:
            parts.append(f'<text x="{(x1 + x2) / 2 + PAD / 2:.1f}" y="{(y1 + y2) / 2:.1f}" dy=".35em">{html.escape(e.label)}</text>')
    for e in skips:
        (x1, y1, h1), (x2, y2, h2) = pos[e.source], pos[e.target]
        # 绕到经过的各层所有状态框的左边：横着出去、竖着下来、横着进入目标，拐角是圆的
        passed = [x - half for n, (x, _, half) in pos.items() if layer[e.source] <= layer[n] <= layer[e.target]]
        out, r = min(passed) - 2 * PAD, 6.0
        sx, tx = x1 - h1, x2 - h2
        parts.append(f'<path d="M{sx:.1f} {y1:.1f}H{out + r:.1f}Q{out:.1f} {y1:.1f} {out:.1f} {y1 + r:.1f}'
                     f'V{y2 - r:.1f}Q{out:.1f} {y2:.1f} {out + r:.1f} {y2:.1f}H{tx:.1f}" '
                     f'fill="none" stroke="currentColor" stroke-width="1.2"/>')
        parts.append(_arrow(tx, y2, 1.0, 0.0))
        if e.label:
            parts.append(f'<text x="{out - PAD / 2:.1f}" y="{(y1 + y2) / 2:.1f}" dy=".35em" '
                         f'text-anchor="end">{html.escape(e.label)}</text>')

    states = "、".join(names[n] for n in names if not n.startswith("[*]"))
    label = f"状态图：{states}之间的转换，文字版见图下"
    return (f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width:.0f} {height:.0f}" width="{width:.0f}" '
            f'height="{height:.0f}" role="img" aria-label="{html.escape(label)}" fill="currentColor" '
            f'font-size="{FONT}" font-family="inherit">{"".join(parts)}</svg>')


def text(source: str) -> str:
    """图的文字版：每个转换一行。"""
    names, edges = parse(source)

    def name(node: str) -> str:
        return {"[*]start": "（开始）", "[*]end": "（结束）"}.get(node) or names[node]

    items = "".join(f"<li>{html.escape(name(e.source))} → {html.escape(name(e.target))}"
                    f"{'：' + html.escape(e.label) if e.label else ''}</li>" for e in edges)
    return f'<details class="figure-data" data-search-exclude><summary>状态图的文字版</summary><ul>{items}</ul></details>'


def format(src, language, class_name, options, md, **kwargs):  # noqa: A001, ARG001 - superfences 的接口
    """superfences 自定义围栏：状态图 → <figure>（SVG）+ 折叠的文字版。出错时构建失败，不退回成一段源码。"""
    return f'<figure class="state-diagram" data-search-exclude>{svg(src)}</figure>{text(src)}'

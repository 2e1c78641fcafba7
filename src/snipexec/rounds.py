"""一轮构建的状态：这一轮的页面和围栏、已经渲染了哪些、统计和汇总行。见 engine.py 里轮次的说明。"""

from __future__ import annotations

from collections import Counter
from concurrent.futures import Future
from pathlib import Path

from .interpreters import Interpreter
from .plan import charted_snippets, fences


class Round:
    """一轮构建的状态，每轮从头开始。"""

    def __init__(self, docs: Path, prefetch: bool) -> None:
        self.fences = list(fences(docs))
        self.prefetch = prefetch  # 完整的一轮：开始时提交全部片段，结束时清掉过期缓存
        self.pages_using: dict[str, list[str]] = {}  # 片段 → 用到它的页面
        for fence in self.fences:
            self.pages_using.setdefault(fence.name, []).append(fence.page.relative_to(docs).as_posix())
        self.expected = Counter(fence.name for fence in self.fences)
        self.rendered: Counter[str] = Counter()
        # (片段, 它在页面上是第几个围栏) → 渲染过它的 Markdown 实例（MkDocs 每个页面一个）；比页面上的个数还多，
        # 就是新的一次构建开始了（mkdocs serve、zensical serve 的重建，哪怕只重建一部分页面）
        self.places = Counter((fence.name, fence.position) for fence in self.fences)
        self.seen: dict[tuple[str, int], set[int]] = {}
        self.recording = charted_snippets(self.fences)  # 要画时间线的片段：运行时记录事件
        self.alone: list[Future] = []  # 独占运行的片段：先跑完它们，其余片段才开始
        self.drawn: set[str] = set()  # 本轮已经画好的时间线（结果的缓存键）
        self.interpreters: dict[str, Interpreter | None] = {}  # versions= 的版本 → 解释器，没装是 None
        self.stats = Counter(run=0, cached=0, failed=0, retried=0)
        self.timings: list[tuple[float, str]] = []

    @property
    def complete(self) -> bool:
        return all(self.rendered[name] >= count for name, count in self.expected.items())

    def summary(self, removed: int = 0) -> str:
        """汇总行：运行了几个、取自缓存几个、失败几个、最慢的几个，以及缺的版本、重跑和清掉的缓存。"""
        stats = self.stats
        slowest = "、".join(f"{what} {seconds:.1f}s" for seconds, what in sorted(self.timings, reverse=True)[:3])
        missing = sorted((m for m, python in self.interpreters.items() if python is None),
                         key=lambda minor: tuple(map(int, minor.split("."))))
        extra = f"；没有安装 CPython {'、'.join(missing)}（这些标签页注明没有输出）" if missing else ""
        extra += f"；检查不成立而重跑 {stats['retried']} 次" if stats["retried"] else ""
        extra += f"；删除过期缓存 {removed} 个" if removed else ""
        return (f"snipexec: 运行 {stats['run']} 个，取自缓存 {stats['cached']} 个，"
                f"失败 {stats['failed']} 个；最慢：{slowest or '无'}{extra}")

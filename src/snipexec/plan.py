"""页面上的 snippet 围栏：读它的选项（构建前的扫描和 superfences 的校验共用这一个解析器），列出一轮构建要做的运行。"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import os
import re
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import NamedTuple

from .cache import result_key
from .interpreters import Interpreter, find_interpreter
from .model import METHODS, VERSIONS, Snippet, SnippetError

# 一个 snippet 围栏：``` 或 ~~~（三个或更多），可以缩进；正文是片段的路径
FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)(?P<mark>`{3,}|~{3,})[ \t]*snippet\b(?P<header>[^\n]*)\n(?P<body>.*?)\n"
                      r"(?P=indent)(?P=mark)[ \t]*$", re.MULTILINE | re.DOTALL)
# 围栏头里的一个选项：key="值"、key='值'、key=值，或只有 key（superfences 的写法）
OPTION_RE = re.compile(r"""\s*([A-Za-z_][-\w]*)(?:=(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?\s*""")
VERSIONS_WITH_METHODS = ("snippet 围栏不能同时写 versions= 和 methods=：versions= 的每个版本用它自己的默认启动方法运行；"
                         "要在某个版本上比较启动方法，另写一个 methods= 围栏")


@dataclasses.dataclass(frozen=True)
class FenceOptions:
    """一个围栏的选项。methods：要运行的启动方法（(None,) 表示平台默认）；versions：要运行的 CPython 版本
    （None 表示构建用的这一个）；chart：在输出下方画时间线（页面上写 timeline）。"""

    methods: tuple[str | None, ...] = (None,)
    versions: tuple[str, ...] | None = None
    chart: bool = False

    @classmethod
    def parse(cls, inputs: Mapping[str, str]) -> FenceOptions:
        """superfences 交给校验函数的选项（键 → 值）；不认识的、写错的都报错。"""
        fields: dict = {}
        for key, value in inputs.items():
            if key == "methods":
                methods = value.split()
                unknown = [m for m in methods if m not in METHODS]
                if unknown or not methods:
                    raise SnippetError(f"未知的启动方法 {unknown}（可用：{' '.join(METHODS)}）")
                fields["methods"] = tuple(methods)
            elif key == "versions":
                versions = value.split()
                if not versions or any(v not in VERSIONS for v in versions) or len(set(versions)) != len(versions):
                    raise SnippetError(f"versions= 写的是 {value!r}：要写不重复的 {' '.join(VERSIONS)} 之一或几个，空格分隔")
                fields["versions"] = tuple(versions)
            elif key == "timeline":
                if value not in {"timeline", "1", "true", ""}:
                    raise SnippetError(f"timeline 选项不需要值（写成 timeline），收到 {value!r}")
                fields["chart"] = True
            else:
                raise SnippetError(f"snippet 围栏不认识选项 {key}={value!r}（可用：methods、versions、timeline）")
        if "methods" in fields and "versions" in fields:
            raise SnippetError(VERSIONS_WITH_METHODS)
        return cls(**fields)

    @classmethod
    def from_header(cls, header: str) -> FenceOptions:
        """围栏第一行 snippet 之后的部分，如 ' methods="fork spawn" timeline'。"""
        inputs, position = {}, 0
        while position < len(header):
            match = OPTION_RE.match(header, position)
            if not match or match.end() == position:
                raise SnippetError(f"无法识别的围栏选项 {header[position:]!r}")
            key, *values = match.groups()
            inputs[key] = next((value for value in values if value is not None), key)
            position = match.end()
        return cls.parse(inputs)

    @property
    def tabs(self) -> int:
        """页面上这个围栏有几份结果（标签页）：每个版本或每个启动方法一份。"""
        return len(self.versions) if self.versions else len(self.methods)


class Fence(NamedTuple):
    page: Path
    name: str  # 片段路径，相对于 snippets/
    options: FenceOptions
    position: int = 1  # 它是页面上的第几个 snippet 围栏


def pages_in_build_order(docs: Path) -> Iterator[Path]:
    """docs/ 下的 Markdown 页面，按 MkDocs 读取它们的顺序：逐个目录，index/README 在前，其余按文件名。"""
    for folder, dirs, files in os.walk(docs, followlinks=True):
        dirs.sort()
        for name in sorted(files, key=lambda name: (Path(name).stem not in {"index", "README"}, name)):
            if name.endswith(".md"):
                yield Path(folder) / name


def fences(docs: Path) -> Iterator[Fence]:
    """docs/ 里的每个 snippet 围栏，按页面的构建顺序。构建、基准和测试都从这里读页面。"""
    for page in pages_in_build_order(docs):
        for position, match in enumerate(FENCE_RE.finditer(page.read_text(encoding="utf-8")), start=1):
            try:
                options = FenceOptions.from_header(match["header"])
            except SnippetError as error:
                raise SnippetError(f"{page.name}：{error}") from None
            yield Fence(page, match["body"].strip(), options, position)


def charted_snippets(all_fences: Iterable[Fence]) -> set[str]:
    """要画时间线的片段：只有它们运行时记录事件（构建和测试用同一条规则）。"""
    return {fence.name for fence in all_fences if fence.options.chart}


class PlannedRun(NamedTuple):
    snippet: Snippet
    method: str | None
    events: bool  # 要画时间线：运行时记录事件
    python: Interpreter  # 运行它的解释器：构建用的这一个，或 versions= 的某个版本


def fence_jobs(snippet: Snippet, options: FenceOptions,
               interpreter: Callable[[str], Interpreter | None]) -> list[tuple[str | None, Interpreter | None, str]]:
    """一个围栏的每个标签页：(启动方法, 解释器, 版本)。解释器为 None 表示构建时没装那个版本。"""
    if options.versions:
        return [(None, interpreter(minor), minor) for minor in options.versions]
    here = Interpreter.current()
    return [(method, here, here.minor) for method in options.methods]


def planned_runs(all_fences: list[Fence], root: Path,
                 interpreter: Callable[[str], Interpreter | None] | None = None) -> list[PlannedRun]:
    """一轮构建要做的运行：每个（片段, 解释器, 启动方法）只一次，alone 的排在最前，其余保持页面顺序。

    不在那个版本上运行的（requires=）、构建时没装的版本不算；缺失的片段跳过，渲染到它时再报错，那时知道页面。
    构建和基准的串行总时长都从这里取，两者运行的是同一批。interpreter(版本) 找 versions= 要的解释器
    （引擎传入它每轮查询一次的那个；默认每次调用本函数时各查一次）。
    """
    interpreter = interpreter or functools.cache(find_interpreter)
    recording = charted_snippets(all_fences)
    runs: dict[str, PlannedRun] = {}
    for fence in all_fences:
        with contextlib.suppress(SnippetError):
            snippet = Snippet.load(fence.name, root)
            events = snippet.name in recording
            for method, python, _ in fence_jobs(snippet, fence.options, interpreter):
                if python is not None and snippet.meta.runnable_on(python.version_info):
                    # 按缓存键去重：同一个解释器上写明的默认启动方法和不写是同一次运行
                    runs.setdefault(result_key(snippet, method, events, python), PlannedRun(snippet, method, events, python))
    return sorted(runs.values(), key=lambda planned: not planned.snippet.meta.alone)  # 稳定排序

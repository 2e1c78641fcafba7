"""片段、它的声明、一次运行的结果，以及结果与声明的预期是否相符。

声明写在片段文件末尾（页面上隐藏；放在末尾，回溯里的行号才和显示的源码一致）::

    # snippet: raises=queue.Empty timeout=20 alone retries=2
    # snippet[<3.14]: raises=AttributeError
"""

from __future__ import annotations

import contextlib
import dataclasses
import platform
import re
import sys
from pathlib import Path
from typing import NamedTuple

try:  # 用 MkDocs 构建时，BuildError 让 MkDocs 只打印一条清楚的错误并中止
    from mkdocs.exceptions import BuildError as _BuildError
except ImportError:  # Zensical 或测试里
    _BuildError = Exception
try:  # superfences 会吞掉围栏里的普通异常并把块当成普通代码渲染；这个异常会被放行
    from pymdownx.superfences import SuperFencesException as _FenceError
except ImportError:
    _FenceError = Exception

METHODS = ("fork", "spawn", "forkserver")
VERSIONS = ("3.11", "3.12", "3.13", "3.14", "3.15")  # versions= 可以列出的 CPython 版本
DEFAULT_TIMEOUT = 15.0
OUTPUT_LIMIT = 64 * 1024
MAX_RETRIES = 5
# 声明行：“# snippet: …”，或带版本条件的 “# snippet[<3.14]: …”
META_RE = re.compile(r"^# snippet(?:\[(?P<when>[^\]\n]*)\])?:(?P<items>.*)$", re.MULTILINE)
CONDITION_RE = re.compile(r"\s*(<=|>=|==|<|>)\s*3\.(\d+)\s*")
_COMPARE = {"<": tuple.__lt__, "<=": tuple.__le__, ">": tuple.__gt__, ">=": tuple.__ge__, "==": tuple.__eq__}
IMPORT_RE = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", re.MULTILINE)


class SnippetError(*dict.fromkeys((_FenceError, _BuildError))):  # 两者都缺时不重复继承 Exception
    """片段没有按预期运行，或页面引用的片段不存在。构建因此失败。"""


class Expectation(NamedTuple):
    """一次运行应有的结局：以某个异常结束（退出状态 1），或以某个退出状态结束。"""

    raises: str | None = None
    exit: int = 0

    def describe(self) -> str:
        return f"预期抛出 {self.raises}" if self.raises else f"预期退出状态 {self.exit}"


def _parse_condition(text: str, where: str) -> tuple[tuple[str, tuple[int, int]], ...]:
    """“<3.14”、“>=3.12,<3.14” → ((运算符, (3, N)), …)；写错就报错。"""
    matches = [CONDITION_RE.fullmatch(part) for part in text.split(",")]
    if not text.strip() or not all(matches):
        raise SnippetError(f"{where}: 无法识别的版本条件 “[{text}]”（写成 [<3.14]、[>=3.12,<3.14]；运算符 < <= > >= ==）")
    return tuple((m.group(1), (3, int(m.group(2)))) for m in matches)


def _holds(condition: tuple, python: tuple[int, int]) -> bool:
    return all(_COMPARE[op](python, version) for op, version in condition)


def _parse_qualified(when: str, items: str, where: str) -> tuple:
    """“# snippet[<3.14]: raises=AttributeError”：只能写一个 raises= 或 exit=，它就是这些版本上的全部预期。"""
    condition = _parse_condition(when, where)
    words = items.split()
    key, _, value = words[0].partition("=") if len(words) == 1 else ("", "", "")
    if key == "raises" and value:
        return condition, Expectation(value, 1)
    if key == "exit" and value.lstrip("-").isdigit():
        return condition, Expectation(None, int(value))
    raise SnippetError(f"{where}: 带版本条件的声明 “# snippet[{when}]:{items}” 只能写一个 raises=异常名 或 exit=N")


def _parse_item(item: str, where: str) -> dict:
    """无条件声明里的一项 → Meta 的字段。"""
    key, _, value = item.partition("=")
    if key == "raises" and value:
        return {"raises": value, "exit": 1}
    if key == "exit" and value.lstrip("-").isdigit():
        return {"exit": int(value)}
    if key == "timeout" and value.replace(".", "", 1).isdigit():
        return {"timeout": float(value)}
    if key == "alone" and not value:
        return {"alone": True}
    if key == "requires" and re.fullmatch(r"3\.\d+", value):
        return {"requires": tuple(map(int, value.split(".")))}
    if key == "retries" and value.isdigit() and 1 <= int(value) <= MAX_RETRIES:
        return {"retries": int(value)}
    raise SnippetError(f"{where}: 无法识别的声明 “{item}”（可用：raises=、exit=、timeout=、alone、requires=、"
                       f"retries=1…{MAX_RETRIES}）")


@dataclasses.dataclass(frozen=True)
class Meta:
    raises: str | None = None
    exit: int = 0
    timeout: float = DEFAULT_TIMEOUT
    alone: bool = False
    requires: tuple[int, ...] = ()
    retries: int = 0  # 检查函数不成立时最多再运行几次（只给受主机负载影响的测量用）
    by_version: tuple = ()  # 带版本条件的预期：((条件, …), Expectation)，条件是 (运算符, (3, N))

    @classmethod
    def parse(cls, source: str, where: str) -> Meta:
        code = source.rstrip().splitlines()
        while code and META_RE.fullmatch(code[-1]):
            code.pop()
        if META_RE.search("\n".join(code)):
            # 页面上不显示声明行；放在末尾，显示的源码和回溯里的行号才一致
            raise SnippetError(f"{where}: “# snippet:” 声明要放在文件末尾（页面上会隐藏它，放在前面会让回溯里的行号对不上）")
        fields: dict = {}
        by_version = []
        for line in META_RE.finditer(source):
            if line["when"] is not None:
                by_version.append(_parse_qualified(line["when"], line["items"], where))
            else:
                for item in line["items"].split():
                    fields.update(_parse_item(item, where))
        # 同一个版本只能符合一行带条件的声明，否则哪一行算数说不清
        for minor in range(40):
            if sum(_holds(when, (3, minor)) for when, _ in by_version) > 1:
                raise SnippetError(f"{where}: 3.{minor} 同时符合几行带版本条件的声明，只能符合一行")
        return cls(**fields, by_version=tuple(by_version))

    def expected(self, python: tuple[int, ...]) -> Expectation:
        """在这个版本（(3, 14)）上应有的结局：符合条件的那一行，否则是无条件的声明。"""
        for when, expectation in self.by_version:
            if _holds(when, tuple(python[:2])):
                return expectation
        return Expectation(self.raises, self.exit)

    def runnable_on(self, python: tuple[int, ...]) -> bool:
        return tuple(python[: len(self.requires)]) >= self.requires

    @property
    def runnable_here(self) -> bool:
        return self.runnable_on(sys.version_info)

    @property
    def needs(self) -> str:
        """requires= 写的版本，如 "3.14"。"""
        return ".".join(map(str, self.requires))


def rel_path(path: Path, root: Path) -> str:
    with contextlib.suppress(ValueError):
        return path.resolve().relative_to(root.resolve()).as_posix()
    return str(path)


@dataclasses.dataclass(frozen=True)
class Snippet:
    path: Path
    root: Path
    source: str
    meta: Meta

    @classmethod
    def load(cls, path: Path | str, root: Path | None = None) -> Snippet:
        """root 是项目根目录；不给时从绝对路径里找：snippets/ 的上一级。"""
        path = Path(path)
        if root is None:
            root = next((parent.parent for parent in path.parents if parent.name == "snippets"), None)
            if not path.is_absolute() or root is None:
                raise SnippetError(f"{path}：不在某个 snippets/ 目录下，需要给出项目根目录")
        if not path.is_absolute():
            path = root / "snippets" / path
        rel = rel_path(path, root)
        if not path.is_file():
            raise SnippetError(f"找不到片段 {rel}")
        source = path.read_text(encoding="utf-8")
        return cls(path, root, source, Meta.parse(source, rel))

    @property
    def rel(self) -> str:
        """相对于项目根目录的路径，如 snippets/join/join_many.py。"""
        return rel_path(self.path, self.root)

    @property
    def name(self) -> str:
        """页面围栏里写的名字：相对于 snippets/ 的路径。"""
        return rel_path(self.path, self.root / "snippets")

    @property
    def shown_source(self) -> str:
        """页面上展示的源码：去掉末尾给引擎看的声明行（行号不变）。"""
        return META_RE.sub("", self.source).rstrip() + "\n"

    def local_imports(self) -> list[Path]:
        """它导入的本地模块（同目录或 snippets/ 下的 .py）：内容也决定运行结果。"""
        found = []
        for name in sorted(set(IMPORT_RE.findall(self.source))):
            for candidate in (self.path.parent / f"{name}.py", self.root / "snippets" / f"{name}.py"):
                if candidate.is_file():
                    found.append(candidate)
        return found


@dataclasses.dataclass
class Result:
    output: str
    returncode: int | None
    duration: float
    start_method: str
    timed_out: bool = False
    overflowed: bool = False
    leftovers: int = 0
    cached: bool = False
    events: list = dataclasses.field(default_factory=list)  # [秒（相对最早的记录）, pid, 类型, 进程名]
    python_version: str = ""  # 真正运行它的解释器：platform.python_version()，如 "3.14.10"
    attempt: int = 1  # 本次构建里第几次运行（检查函数不成立而重跑时大于 1）

    @property
    def lines(self) -> list[str]:
        return self.output.splitlines()

    @property
    def python(self) -> tuple[int, int]:
        """运行它的 CPython 版本，如 (3, 14)：检查函数可以按版本分别断言。"""
        major, minor = self.python_version.split(".")[:2]
        return int(major), int(minor)

    def stamp(self) -> str:
        status = "超时" if self.timed_out else f"退出状态 {self.returncode}"
        again = f" · 第 {self.attempt} 次运行" if self.attempt > 1 else ""
        return (f"CPython {self.python_version} · {platform.system()} {platform.machine()} · "
                f"启动方法 {self.start_method} · {status} · 用时 {self.duration:.2f} 秒{again}")


@dataclasses.dataclass(frozen=True)
class Absent:
    """versions= 围栏里没有输出的一个版本：构建时没装这个版本（missing），或片段需要更新的版本（requires=）。"""

    version: str  # "3.13"
    missing: bool


def problems(snippet: Snippet, result: Result) -> list[str]:
    """结果与片段声明的预期不符之处（按运行它的版本取预期）；空列表表示符合。"""
    meta = snippet.meta
    expected = meta.expected(result.python)
    found = []
    if result.timed_out:
        found.append(f"超时（{meta.timeout:g} 秒），已杀掉整个进程树")
    if result.overflowed:
        found.append(f"输出超过 {OUTPUT_LIMIT} 字节")
    if result.leftovers:
        found.append(f"退出后留下了 {result.leftovers} 个进程（已杀掉）")
    if not result.timed_out and result.returncode != expected.exit:
        found.append(f"退出状态 {result.returncode}，{expected.describe()}")
    if expected.raises and not result.timed_out:
        last = result.lines[-1] if result.lines else ""
        raised = re.match(r"([A-Za-z_][\w.]*)(?::|$)", last)
        if not raised or raised.group(1).rsplit(".", 1)[-1] != expected.raises.rsplit(".", 1)[-1]:
            found.append(f"没有以 {expected.raises} 结束（最后一行：{last!r}）")
    return found


def output_tail(result: Result) -> str:
    return "\n".join("    " + line for line in result.lines[-15:])


def where(snippet: Snippet, pages: list[str] = ()) -> str:
    """“snippets/a/b.py（页面 a.md）”：错误信息开头指明片段和页面。"""
    return snippet.rel + (f"（页面 {', '.join(pages)}）" if pages else "")


def failure_message(snippet: Snippet, result: Result, pages: list[str] = ()) -> str:
    return (f"片段 {where(snippet, pages)} 在 CPython {result.python_version}、启动方法 {result.start_method} 下失败："
            f"{'；'.join(problems(snippet, result))}\n最后的输出：\n{output_tail(result)}")

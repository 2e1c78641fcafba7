"""页面的说法：``tests/snippets/<主题>.py`` 里与片段同名的检查函数（``-`` 换成 ``_``），参数是运行结果。

构建对放上页面的每个结果都调用它，测试对每次运行调用它；不成立就重跑（``retries=``），仍不成立就失败。
"""

from __future__ import annotations

import importlib.util
import sys
import threading
import traceback
import types
from collections.abc import Callable, Iterator
from pathlib import Path

from .model import Result, Snippet, SnippetError, output_tail, problems, rel_path, where

CLAIMS_DIR = Path("tests") / "snippets"  # 检查函数，相对于项目根目录
Claim = Callable[[Result], None]


def claim_key(name: str) -> tuple[str, str]:
    """片段（相对于 snippets/ 的路径）→ (检查模块名, 函数名)：a/b-c.py → ("a", "b_c")。"""
    path = Path(name)
    if path.parent == Path("."):
        raise SnippetError(f"片段 {name} 要放在 snippets/<主题>/ 下：检查函数按主题写在 {CLAIMS_DIR.as_posix()}/<主题>.py 里")
    return path.parent.as_posix().replace("/", "_"), path.stem.replace("-", "_")


class Claims:
    """一个项目的检查函数。每个模块在一个进程里只加载一次（构建、整个测试会话）；
    目录里的文件改了（``mkdocs serve`` 时）才连同它们共用的 ``_helpers`` 一起重新加载。"""

    def __init__(self, root: Path) -> None:
        self.folder = root / CLAIMS_DIR
        self.lock = threading.Lock()
        self.stamp: tuple = ()
        self.modules: dict[str, types.ModuleType | None] = {}

    def _current_stamp(self) -> tuple:
        return tuple(sorted((p.name, p.stat().st_mtime_ns, p.stat().st_size) for p in self.folder.glob("*.py")))

    def module(self, topic: str) -> types.ModuleType | None:
        with self.lock:
            stamp = self._current_stamp()
            if stamp != self.stamp:
                for name, module in list(sys.modules.items()):
                    if Path(getattr(module, "__file__", None) or "/").parent == self.folder:
                        del sys.modules[name]
                self.modules.clear()
                self.stamp = stamp
            if topic not in self.modules:
                path = self.folder / f"{topic}.py"
                self.modules[topic] = self._load(topic, path) if path.is_file() else None
            return self.modules[topic]

    def _load(self, topic: str, path: Path) -> types.ModuleType:
        if str(self.folder) not in sys.path:  # 检查模块导入同目录的 _helpers
            sys.path.append(str(self.folder))
        spec = importlib.util.spec_from_file_location(f"claims_{topic}", path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module

    def find(self, name: str) -> Claim | None:
        """片段（相对于 snippets/ 的路径）的检查函数；没有就是 None。"""
        topic, function = claim_key(name)
        module = self.module(topic)
        return getattr(module, function, None) if module is not None else None

    def require(self, name: str) -> Claim:
        claim = self.find(name)
        if claim is None:
            topic, function = claim_key(name)
            raise SnippetError(f"片段 snippets/{name} 没有检查函数：在 {CLAIMS_DIR.as_posix()}/{topic}.py 里写 {function}(result)，"
                               "检查页面上对它的输出的说法")
        return claim

    def functions(self) -> Iterator[tuple[str, str]]:
        """所有检查函数：(模块名, 函数名)。"""
        for path in sorted(self.folder.glob("[!_]*.py")):
            module = self.module(path.stem)
            for name, value in vars(module).items():
                if callable(value) and getattr(value, "__module__", None) == module.__name__ and not name.startswith("_"):
                    yield path.stem, name


_claims: dict[Path, Claims] = {}
_claims_lock = threading.Lock()


def claims(root: Path) -> Claims:
    """这个项目的检查函数（每个进程一份）。"""
    with _claims_lock:
        return _claims.setdefault(root.resolve(), Claims(root.resolve()))


def check_claim(claim: Claim, result: Result) -> str | None:
    """调用检查函数；不成立时返回说明（哪个函数、哪一行、什么断言或异常），成立时返回 None。"""
    try:
        claim(result)
    except Exception as error:  # noqa: BLE001 - 检查函数里的任何异常都说明它对这份输出不成立
        module = Path(claim.__code__.co_filename)
        root = module.parents[2]
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename).parent == module.parent]
        lines = "\n".join(f"    {rel_path(Path(frame.filename), root)}:{frame.lineno}  {frame.line}" for frame in frames)
        detail = "\n    ".join(str(error).strip().splitlines()[:3])[:300]  # 有的检查把整段输出当消息：下面另有输出
        detail = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
        return f"检查 {rel_path(module, root)}::{claim.__name__} 不成立：\n{lines}\n    {detail}"
    return None


def verified(snippet: Snippet, claim: Claim, attempt: Callable[[], Result],
             first: Result | None = None) -> tuple[Result, str | None]:
    """用检查函数核对结果：不成立就再运行（attempt()），最多 retries= 次。返回最后的结果和不成立的说明（成立时 None）。

    first 是取自缓存的结果：它不成立（检查函数改过）时重新运行，新运行的次数同样以 1 + retries 为限。
    结果本身不符合预期（problems()）时不核对、不重跑：那是片段坏了，由调用者报告。
    """
    result, runs = (first, 0) if first is not None else (attempt(), 1)
    while True:
        if problems(snippet, result):
            return result, None
        failure = check_claim(claim, result)
        if failure is None or runs > snippet.meta.retries:
            return result, failure
        result = attempt()
        runs += 1
        result.attempt = runs


def claim_failure_message(snippet: Snippet, result: Result, failure: str, pages: list[str] = ()) -> str:
    runs = f"（运行了 {result.attempt} 次，每次都不成立）" if result.attempt > 1 else ""
    return (f"片段 {where(snippet, pages)} 在 CPython {result.python_version}、启动方法 {result.start_method} 下的输出"
            f"与页面的说法不符{runs}：\n{failure}\n最后的输出：\n{output_tail(result)}")

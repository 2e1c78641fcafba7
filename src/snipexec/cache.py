"""结果、时间线图和转换好的围栏 HTML 的缓存（``.snipexec/cache/``）：每种按它真正取决于的东西算键。

- 运行结果：片段及其导入的本地模块、解释器（完整的 sys.version）、平台、启动方法、是否记录事件，
  加上运行它的代码（runner.py、约定和注入片段进程的模块）。改了渲染 HTML 的代码不重跑片段；改了运行的代码全部重跑。
- 时间线图：运行结果的键，加上 timeline.py。
- 围栏 HTML：它的全部输入，加上整个引擎包和 Markdown 扩展的版本、配置（见 fence.py）；按 Markdown 配置分目录
  （html/<命名空间>/，每个构建工具一个）。

一次完整的构建结束后，没用到的条目删掉（像 markdown-exec 的 cleanup_stale）：缓存里只留最后一次构建用到的，
外加另一个构建工具最近一次用到的 HTML（见 Cache.remove_stale）。
"""

from __future__ import annotations

import functools
import hashlib
import os
import platform
import shutil
import threading
import uuid
from pathlib import Path

from .interpreters import Interpreter, child_site_files

PACKAGE = Path(__file__).resolve().parent
# 引擎在项目根目录下的目录：缓存（cache/）和 alone 片段的锁（runner.py）。不放在 .cache/ 里：
# zensical build --clean 会清空整个 .cache/（Zensical 自己的缓存也在那里）
STATE_DIR = ".snipexec"
NAMESPACES = "html"  # 这个目录下每个子目录是一个命名空间，各自清理（Cache.remove_stale）
RECENT = "namespaces.txt"  # 命名空间，一行一个，最近被完整的构建用到的在前


def files_digest(*files: Path) -> str:
    return _digest(tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


@functools.lru_cache(maxsize=16)
def _digest(stamps: tuple[tuple[str, int, int], ...]) -> str:
    """文件内容的摘要；文件没变（修改时间和大小相同）就不再读一遍，每个缓存键都要用它。"""
    return hashlib.sha256(b"".join(Path(name).read_bytes() for name, _, _ in stamps)).hexdigest()[:16]


def runner_digest() -> str:
    """运行片段的代码：改了它，所有结果都要重跑。"""
    return files_digest(PACKAGE / "runner.py", *child_site_files())


def package_digest() -> str:
    """整个引擎包：围栏 HTML 的键用它（改了任何一处都重新转换，但不重跑片段）。"""
    return files_digest(*sorted(PACKAGE.rglob("*.py")))


def result_key(snippet, method: str | None, events: bool = False, python: Interpreter | None = None) -> str:
    """运行结果的缓存键：只取决于片段（和它导入的本地模块）、解释器、启动方法和运行它的代码。"""
    python = python or Interpreter.current()
    digest = hashlib.sha256()
    for part in (runner_digest(), python.sys_version, platform.platform(), method or python.start_method,
                 "events" if events else "", snippet.source):
        digest.update(part.encode() + b"\0")
    for path in snippet.local_imports():
        digest.update(path.read_bytes())
    return digest.hexdigest()[:32]


def write_atomically(path: Path, text: str) -> None:
    """先写临时文件再改名：并行的线程、同时构建的另一个进程都不会读到写了一半的缓存。"""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{uuid.uuid4().hex}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Cache:
    """一个项目的缓存目录，记下本轮用到（读过或写过）的文件，完整的一轮结束后删掉其余的。"""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.lock = threading.Lock()
        self.used: set[Path] = set()

    def path(self, name: str) -> Path:
        path = self.folder / name
        with self.lock:
            self.used.add(path)
        return path

    def read(self, name: str) -> str | None:
        path = self.path(name)
        try:
            return path.read_text(encoding="utf-8")
        except FileNotFoundError:
            return None

    def write(self, name: str, text: str) -> None:
        write_atomically(self.path(name), text)

    def forget_usage(self) -> None:
        with self.lock:
            self.used = set()

    def remove_stale(self, spare: int = 1) -> int:
        """删掉本轮没用到的条目，返回删掉的个数。只在一轮完整的构建成功结束后调用。

        NAMESPACES 下的每个子目录是一个命名空间（转换好的 HTML 按 Markdown 配置分开，实际上每个构建工具一个）：
        本轮用到的命名空间照常清理；没用到的是别的构建工具的，最近用过的 spare 个整个留下，
        交替运行 nox -s docs 和 nox -s zensical 时就不会清掉对方的条目；更早的整个删掉。
        """
        with self.lock:
            used = set(self.used)
        spaces = self.folder / NAMESPACES
        current = sorted({path.relative_to(spaces).parts[0] for path in used if path.is_relative_to(spaces)})
        # 命名空间最近一次被完整的构建用到的先后，记在 RECENT 里（目录的修改时间精度只有几毫秒，分不出先后）
        try:
            recent = (self.folder / RECENT).read_text(encoding="utf-8").split()
        except FileNotFoundError:
            recent = []
        existing = {folder.name for folder in spaces.iterdir() if folder.is_dir()} if spaces.is_dir() else set()
        others = [name for name in recent if name in existing and name not in current]
        others += sorted(existing - set(current) - set(others))  # 没有记录的最早
        kept = [spaces / name for name in others[:spare]]
        if current or others:
            self.write(RECENT, "".join(f"{name}\n" for name in current + others[:spare]))
            used.add(self.folder / RECENT)
        removed = 0
        for path in list(self.folder.rglob("*")):
            if path.is_file() and path not in used and not path.name.endswith(".tmp") \
                    and not any(path.is_relative_to(folder) for folder in kept):
                path.unlink(missing_ok=True)
                removed += 1
        for name in others[spare:]:
            shutil.rmtree(spaces / name, ignore_errors=True)  # 文件已经删了，只剩空目录
        return removed

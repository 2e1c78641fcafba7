"""运行片段的 CPython：构建自己用的这一个，或 ``versions=`` 要的另一个版本（在哪里找、它是什么版本）。"""

from __future__ import annotations

import dataclasses
import functools
import json
import multiprocessing
import os
import platform
import re
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

from .model import SnippetError

CHILD_SITE = Path(__file__).resolve().parent / "childsite"

# 在被查询的解释器里运行：报告它的版本、默认启动方法、标准库位置，并顺手把注入的模块编译成它的 .pyc
_QUERY = """
import json, multiprocessing, platform, py_compile, sys, sysconfig
for path in sys.argv[1:]:
    py_compile.compile(path, doraise=True)
print(json.dumps({"version": platform.python_version(), "sys_version": sys.version,
                  "start_method": multiprocessing.get_context().get_start_method(),
                  "stdlib": sysconfig.get_path("stdlib")}))
"""


def child_site_files() -> list[Path]:
    """注入片段进程的模块（sitecustomize 和它用的约定）。"""
    return sorted(path for path in CHILD_SITE.glob("*.py") if path.name != "__init__.py")


def default_start_method() -> str:
    return multiprocessing.get_context().get_start_method()


@dataclasses.dataclass(frozen=True)
class Interpreter:
    executable: str
    version: str  # platform.python_version()，如 "3.14.10"：写在环境戳里
    sys_version: str  # 完整的 sys.version：缓存键的一部分
    start_method: str  # 这个版本在本平台上的默认启动方法
    stdlib: str  # 标准库目录：输出里缩短成 .../python3.N

    @property
    def version_info(self) -> tuple[int, int]:
        major, minor = self.version.split(".")[:2]
        return int(major), int(minor)

    @property
    def minor(self) -> str:
        return "{}.{}".format(*self.version_info)

    @classmethod
    @functools.cache
    def current(cls) -> Interpreter:
        """运行构建（或测试）的这个解释器，不必另起进程查询。"""
        return cls(sys.executable, platform.python_version(), sys.version, default_start_method(),
                   sysconfig.get_path("stdlib"))

    @classmethod
    def query(cls, executable: str) -> Interpreter:
        done = subprocess.run([executable, "-I", "-c", _QUERY, *map(str, child_site_files())],
                              capture_output=True, text=True, timeout=60)
        if done.returncode:
            raise SnippetError(f"查询解释器 {executable} 失败：{done.stderr.strip()[-500:]}")
        return cls(executable, **json.loads(done.stdout))


def find_python(minor: str) -> str | None:
    """X.Y 版本的 CPython 可执行文件：正在运行的就是它时用它自己，否则先找 PATH 上的 pythonX.Y，
    再找 pyenv 装的（$PYENV_ROOT 或 ~/.pyenv 下的 versions/X.Y.*/bin，和 noxfile 找解释器的地方一样）。没有就是 None。"""
    if minor == "{}.{}".format(*sys.version_info[:2]):
        return sys.executable
    pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    # pyenv 的 shim 对没有激活的版本只会报错（“command not found”），跳过它，直接去 versions/ 下找
    path = os.pathsep.join(folder for folder in os.environ.get("PATH", "").split(os.pathsep)
                           if Path(folder).name != "shims")
    if found := shutil.which(f"python{minor}", path=path):
        return found
    releases = [folder for folder in (pyenv / "versions").glob(f"{minor}.*")
                if re.fullmatch(rf"{re.escape(minor)}\.\d+", folder.name)]
    for folder in sorted(releases, key=lambda folder: int(folder.name.rsplit(".", 1)[1]), reverse=True):
        executable = folder / "bin" / f"python{minor}"
        if os.access(executable, os.X_OK):
            return str(executable)
    return None


def find_interpreter(minor: str) -> Interpreter | None:
    """X.Y 版本的解释器（查询一次它的完整版本等），没装就是 None。"""
    executable = find_python(minor)
    if executable is None:
        return None
    if executable == sys.executable:
        return Interpreter.current()
    python = Interpreter.query(executable)
    if python.minor != minor:
        raise SnippetError(f"{executable} 是 CPython {python.version}，不是 {minor}")
    return python

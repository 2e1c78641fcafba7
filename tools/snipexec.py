"""snipexec：把 snippets/ 里的示例当作真实程序运行，并把结果嵌入页面。

构建（作为 pymdownx.superfences 的自定义围栏，不是 MkDocs 插件）和测试共用本模块。

页面写法::

    ```snippet
    create/target_function.py
    ```

    ```snippet methods="fork spawn forkserver"
    isolation/global_variable.py
    ```

    ```snippet versions="3.13 3.14"
    process_object/interrupt.py
    ```

``versions=`` 列出 3.11–3.15 里的几个版本：每个版本一个标签页，各用那个版本的 CPython 真实运行一次
（平台默认启动方法；解释器先在 PATH 上找 ``pythonX.Y``，再找 pyenv 的 ``~/.pyenv/versions/X.Y.*/bin``）。
构建时没装的版本，标签页里如实注明“没有安装，因此没有输出”，构建照常完成，汇总行列出缺了哪些版本。
``versions=`` 和 ``methods=`` 不能写在同一个围栏里（会报错）：要比较的只能是一个维度，另一维度取平台默认。

片段在文件末尾用一行注释声明预期（可省略，默认“退出状态 0”；页面上隐藏这一行，放在末尾，回溯里的行号才和显示的源码一致）::

    # snippet: raises=queue.Empty timeout=20 alone

- ``raises=异常名``：必须以该异常失败（退出状态 1，回溯最后一行是该异常）；
- ``exit=N``：必须以退出状态 N 结束；
- ``timeout=秒``：超时（默认 15 秒），到时杀掉整个进程树并判为失败；
- ``alone``：计时敏感的 CPU 密集示例，运行时不与其他片段并行；
- ``requires=3.14``：需要更新的 CPython；在更旧的版本上不运行（页面注明，测试跳过），绝不伪造输出；
- ``retries=N``（最多 5）：输出取决于共享主机忙不忙的测量；检查函数不成立时最多再运行 N 次，页面的环境戳注明“第 2 次运行”。

预期随版本不同时，用带版本条件的声明行写出那些版本上的预期（只能写 ``raises=`` 或 ``exit=``，
它替换无条件的预期；条件是 ``<``、``<=``、``>``、``>=``、``==`` 加 ``3.N``，逗号分隔表示“同时满足”）::

    # snippet[<3.14]: raises=AttributeError
    # snippet[>=3.12,<3.14]: exit=2

同一个版本最多符合一行带条件的声明；写错的条件、键或值都会报错。检查函数可以用 ``result.python``
（如 ``(3, 14)``）按运行它的版本分别断言。

页面的说法写成检查函数：``tests/snippets/<主题>.py`` 里与片段同名的函数（``-`` 换成 ``_``），参数是运行结果。
构建对放上页面的每个结果（新跑的、取自缓存的，每个标签页）都调用它；不成立就重跑（``retries=``），
仍不成立则构建失败，错误信息指出页面、片段、版本、启动方法和不成立的那一行。页面用到的片段没有检查函数也是错误。

缓存放在 ``.cache/snippets/``；``SNIPEXEC_FRESH=1`` 强制重新运行全部片段。
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import functools
import hashlib
import importlib
import importlib.util
import json
import logging
import multiprocessing
import os
import platform
import py_compile
import re
import shutil
import signal
import subprocess
import sys
import sysconfig
import tempfile
import threading
import time
import traceback
import types
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor, wait
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

TOOLS = Path(__file__).resolve().parent
ROOT = TOOLS.parent
CHILD_SITE = TOOLS / "childsite"
METHODS = ("fork", "spawn", "forkserver")
VERSIONS = ("3.11", "3.12", "3.13", "3.14", "3.15")  # versions= 可以列出的 CPython 版本
DEFAULT_TIMEOUT = 15.0
OUTPUT_LIMIT = 64 * 1024
MAX_RETRIES = 5
CLAIMS_DIR = Path("tests") / "snippets"  # 检查函数，相对于项目根目录
# 声明行：“# snippet: …”，或带版本条件的 “# snippet[<3.14]: …”
META_RE = re.compile(r"^# snippet(?:\[(?P<when>[^\]\n]*)\])?:(?P<items>.*)$", re.MULTILINE)
CONDITION_RE = re.compile(r"\s*(<=|>=|==|<|>)\s*3\.(\d+)\s*")
_COMPARE = {"<": tuple.__lt__, "<=": tuple.__le__, ">": tuple.__gt__, ">=": tuple.__ge__, "==": tuple.__eq__}
FENCE_RE = re.compile(r"^(?P<indent>[ \t]*)```snippet(?P<opts>[^\n]*)\n(?P<body>.*?)\n(?P=indent)```", re.MULTILINE | re.DOTALL)
# 回溯里的一帧：File 那一行，加上其后缩进 4 格的源码行和 ^^^ 标记行
HARNESS_FRAME_RE = re.compile(r'^  File "[^"]*childsite[/\\]sitecustomize\.py", line \d+, in .*\n(?:    .*\n)*', re.MULTILINE)
IMPORT_RE = re.compile(r"^\s*(?:from|import)\s+([A-Za-z_]\w*)", re.MULTILINE)
log = logging.getLogger("mkdocs.snipexec")


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
    parts = text.split(",")
    matches = [CONDITION_RE.fullmatch(part) for part in parts]
    if not text.strip() or not all(matches):
        raise SnippetError(f"{where}: 无法识别的版本条件 “[{text}]”（写成 [<3.14]、[>=3.12,<3.14]；运算符 < <= > >= ==）")
    return tuple((m.group(1), (3, int(m.group(2)))) for m in matches)


@dataclasses.dataclass(frozen=True)
class Meta:
    raises: str | None = None
    exit: int = 0
    timeout: float = DEFAULT_TIMEOUT
    alone: bool = False
    requires: tuple[int, ...] = ()
    retries: int = 0  # 检查函数不成立时最多再运行几次（只给受主机负载影响的测量用）
    # 带版本条件的预期：((条件, …), Expectation)，条件是 (运算符, (3, N))
    by_version: tuple = ()

    @classmethod
    def parse(cls, source: str, where: str) -> Meta:
        fields: dict = {}
        by_version = []
        code = source.rstrip().splitlines()
        while code and META_RE.fullmatch(code[-1]):
            code.pop()
        if META_RE.search("\n".join(code)):
            # 页面上不显示声明行；放在末尾，显示的源码和回溯里的行号才一致
            raise SnippetError(f"{where}: “# snippet:” 声明要放在文件末尾（页面上会隐藏它，放在前面会让回溯里的行号对不上）")
        for line in META_RE.finditer(source):
            if line["when"] is not None:
                by_version.append(cls._parse_qualified(line["when"], line["items"], where))
                continue
            for item in line["items"].split():
                key, _, value = item.partition("=")
                if key == "raises" and value:
                    fields["raises"], fields["exit"] = value, 1
                elif key == "exit" and value.lstrip("-").isdigit():
                    fields["exit"] = int(value)
                elif key == "timeout" and value.replace(".", "", 1).isdigit():
                    fields["timeout"] = float(value)
                elif key == "alone" and not value:
                    fields["alone"] = True
                elif key == "requires" and re.fullmatch(r"3\.\d+", value):
                    fields["requires"] = tuple(map(int, value.split(".")))
                elif key == "retries" and value.isdigit() and 1 <= int(value) <= MAX_RETRIES:
                    fields["retries"] = int(value)
                else:
                    raise SnippetError(f"{where}: 无法识别的声明 “{item}”（可用：raises=、exit=、timeout=、alone、requires=、"
                                       f"retries=1…{MAX_RETRIES}）")
        meta = cls(**fields, by_version=tuple(by_version))
        # 同一个版本只能符合一行带条件的声明，否则哪一行算数说不清
        for minor in range(0, 40):
            matching = [when for when, _ in meta.by_version if _holds(when, (3, minor))]
            if len(matching) > 1:
                raise SnippetError(f"{where}: 3.{minor} 同时符合几行带版本条件的声明，只能符合一行")
        return meta

    @staticmethod
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

    def describe(self, python: tuple[int, ...] = sys.version_info) -> str:
        return self.expected(python).describe()


def _holds(condition: tuple, python: tuple[int, int]) -> bool:
    return all(_COMPARE[op](python, version) for op, version in condition)


@dataclasses.dataclass(frozen=True)
class Snippet:
    path: Path
    root: Path
    source: str
    meta: Meta

    @classmethod
    def load(cls, path: Path | str, root: Path = ROOT) -> Snippet:
        path = Path(path)
        if not path.is_absolute():
            path = root / "snippets" / path
        rel = _rel(path, root)
        if not path.is_file():
            raise SnippetError(f"找不到片段 {rel}")
        source = path.read_text(encoding="utf-8")
        return cls(path, root, source, Meta.parse(source, rel))

    @property
    def rel(self) -> str:
        return _rel(self.path, self.root)

    @property
    def name(self) -> str:
        """页面围栏里写的名字：相对于 snippets/ 的路径。"""
        return _rel(self.path, self.root / "snippets")

    @property
    def shown_source(self) -> str:
        """页面上展示的源码：去掉末尾给引擎看的声明行（行号不变）。"""
        return META_RE.sub("", self.source).rstrip() + "\n"

    def key(self, method: str | None, events: bool = False, python: Interpreter | None = None) -> str:
        """缓存键：片段及其导入的本地模块的内容、运行它的解释器（完整的 sys.version）、引擎版本、启动方法。"""
        python = python or Interpreter.current()
        digest = hashlib.sha256()
        for part in (_engine_version(), python.sys_version, platform.platform(), method or python.start_method,
                     "events" if events else "", self.source):
            digest.update(part.encode() + b"\0")
        for name in sorted(set(IMPORT_RE.findall(self.source))):
            for candidate in (self.path.parent / f"{name}.py", self.root / "snippets" / f"{name}.py"):
                if candidate.is_file():
                    digest.update(candidate.read_bytes())
        return digest.hexdigest()[:32]


# 在被查询的解释器里运行：报告它的版本、默认启动方法、标准库位置，并顺手把注入的 sitecustomize 编译成它的 .pyc
_QUERY = """
import json, multiprocessing, platform, py_compile, sys, sysconfig
py_compile.compile(sys.argv[1], doraise=True)
print(json.dumps({"version": platform.python_version(), "sys_version": sys.version,
                  "start_method": multiprocessing.get_context().get_start_method(),
                  "stdlib": sysconfig.get_path("stdlib")}))
"""


@dataclasses.dataclass(frozen=True)
class Interpreter:
    """运行片段的 CPython：构建自己用的这一个，或 versions= 要的另一个版本。"""

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
        done = subprocess.run([executable, "-I", "-c", _QUERY, str(CHILD_SITE / "sitecustomize.py")],
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
    versions = pyenv / "versions"
    releases = [folder for folder in versions.glob(f"{minor}.*") if re.fullmatch(rf"{re.escape(minor)}\.\d+", folder.name)]
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


def _rel(path: Path, root: Path) -> str:
    with contextlib.suppress(ValueError):
        return path.resolve().relative_to(root.resolve()).as_posix()
    return str(path)


@contextlib.contextmanager
def _alone_lock(root: Path, exclusive: bool):
    """跨进程的读写锁：普通片段共享，alone 片段独占（构建和 pytest-xdist 的各个 worker 之间都有效）。"""
    try:
        import fcntl
    except ImportError:  # Windows：不做隔离
        yield
        return
    lock_file = root / ".cache" / "alone.lock"
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _pids_with_token(token: str) -> list[int]:
    """带有本次运行标记的所有进程：环境变量会一路继承，setsid、两次 fork 都甩不掉。"""
    needle = f"SNIPEXEC_RUN={token}".encode()
    found = []
    # 每次运行结束都要扫一遍所有进程：用最直接的 listdir/open（比 Path.glob 快约 3 倍），先做子串查找再精确比较
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open(f"/proc/{name}/environ", "rb") as file:
                environ = file.read()
        except OSError:
            continue
        if needle in environ and needle in environ.split(b"\0"):
            found.append(int(name))
    return [pid for pid in found if pid != os.getpid()]


def _kill_tree(proc: subprocess.Popen, token: str) -> int:
    """杀掉进程组，再杀掉所有带标记的进程（包括另立会话的后代）。返回后者的个数。"""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    stray = _pids_with_token(token) if sys.platform.startswith("linux") else []
    for pid in stray:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return len(stray)


def _elide(text: str, workdir: str, root: Path, python: Interpreter | None = None) -> str:
    """让输出可重复、也不泄露构建机的路径；回溯里去掉引擎注入的 sitecustomize 的栈帧（读者自己运行时没有它）。"""
    python = python or Interpreter.current()
    text = HARNESS_FRAME_RE.sub("", text)
    text = text.replace(workdir + os.sep, "").replace(workdir, ".")
    text = text.replace(str(root) + os.sep, "")
    return text.replace(python.stdlib, f".../python{python.minor}")


def default_start_method() -> str:
    return multiprocessing.get_context().get_start_method()


@functools.cache
def _compile_child_site() -> None:
    """把注入的 sitecustomize 预先编译好（每个进程一次）。

    片段进程带着 PYTHONDONTWRITEBYTECODE=1 运行（不往项目里写 __pycache__），自己不会存下编译结果：
    没有 .pyc 时，每启动一个 Python 进程（一次构建约 190 个）都要重新编译它，本机每次约 6 毫秒；有了只要 0.5 毫秒。
    .pyc 按源文件的修改时间校验，改了 sitecustomize.py 也不会用到旧的。
    """
    py_compile.compile(str(CHILD_SITE / "sitecustomize.py"), doraise=True)


def run(snippet: Snippet, method: str | None = None, *, events: bool = False,
        on_start: Callable[[subprocess.Popen, str], None] | None = None, python: Interpreter | None = None) -> Result:
    """在全新的进程里运行片段：临时工作目录、关闭的 stdin、超时杀整棵进程树、输出有上限。

    events=True 时记录时间线事件（进程、锁、进程池任务），只给要画时间线的片段用：
    记录要包装 multiprocessing 的内部，其余片段不必付这个代价。
    on_start(进程, 运行标记) 在进程启动后立即调用：引擎借它在构建中止时杀掉还在运行的片段。
    python 是运行它的解释器（versions= 的某个版本），默认是运行本函数的这一个。
    """
    python = python or Interpreter.current()
    _compile_child_site()
    token = uuid.uuid4().hex
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONUNBUFFERED", "PYTHONSTARTUP", "PYTHONPATH"}}
    env.update(PYTHONPATH=str(CHILD_SITE), PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1", PYTHON_COLORS="0", NO_COLOR="1", SNIPEXEC_RUN=token,
               SNIPEXEC_RESTORE_SIGINT="1")
    if method:
        env["SNIPEXEC_START_METHOD"] = method
    events_path = None
    if events:
        events_fd, events_path = tempfile.mkstemp(prefix="snipexec-events-")
        os.close(events_fd)
        env["SNIPEXEC_EVENTS"] = events_path
    buffer = bytearray()
    overflowed = threading.Event()

    with _alone_lock(snippet.root, snippet.meta.alone), tempfile.TemporaryDirectory(prefix="snipexec-") as workdir:
        began = time.perf_counter()
        proc = subprocess.Popen(
            [python.executable, str(snippet.path)], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True,
        )
        reader = None
        try:
            if on_start:
                on_start(proc, token)

            def pump() -> None:
                while chunk := proc.stdout.read1(65536):
                    room = OUTPUT_LIMIT - len(buffer)
                    buffer.extend(chunk[:room])
                    if len(chunk) > room:
                        overflowed.set()
                        _kill_tree(proc, token)

            reader = threading.Thread(target=pump, daemon=True)
            reader.start()
            # 读到 EOF 才算结束：所有还开着输出管道的后代都要写完
            reader.join(snippet.meta.timeout)
            timed_out = reader.is_alive()
            if timed_out:
                _kill_tree(proc, token)
                reader.join()
            returncode = proc.wait()
            duration = time.perf_counter() - began
            leftovers = _kill_tree(proc, token)  # 关掉了输出却还活着的后代：杀掉，并判为失败
        except BaseException:  # 引擎自己出错，或 Ctrl-C 落在这个线程里：不留下进程和临时文件
            _kill_tree(proc, token)
            proc.wait()
            if reader is not None:
                reader.join(1)  # 进程树已杀掉，管道很快读到 EOF；读完再关
            if events_path:
                os.unlink(events_path)
            raise
        finally:
            proc.stdout.close()

    output = _elide(buffer.decode("utf-8", "replace"), workdir, snippet.root, python)
    if overflowed.is_set():
        output += f"\n…（输出超过 {OUTPUT_LIMIT} 字节，已截断）\n"
    return Result(output, None if timed_out else returncode, duration, method or python.start_method,
                  timed_out, overflowed.is_set(), leftovers, events=_read_events(events_path) if events_path else [],
                  python_version=python.version)


def _read_events(path: str) -> list:
    """读入并删除时间线记录；时间换算成相对最早一条记录的秒数。"""
    try:
        raw = Path(path).read_text(encoding="utf-8").splitlines()
    finally:
        os.unlink(path)
    rows = [line.split("\t") for line in raw]
    rows = sorted((float(t), int(pid), kind, name) for t, pid, kind, name, _ in rows)
    origin = min((row[0] for row in rows), default=0.0)
    return [[round(t - origin, 6), pid, kind, name] for t, pid, kind, name in rows]


def problems(snippet: Snippet, result: Result) -> list[str]:
    """结果与片段声明的预期不符之处；空列表表示符合。"""
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


def failure_message(snippet: Snippet, result: Result, pages: list[str] = ()) -> str:
    where = snippet.rel + (f"（页面 {', '.join(pages)}）" if pages else "")
    tail = "\n".join("    " + line for line in result.lines[-15:])
    return f"片段 {where} 在 CPython {result.python_version}、启动方法 {result.start_method} 下失败：{'；'.join(problems(snippet, result))}\n最后的输出：\n{tail}"


# ---------------------------------------------------------------- 检查函数（页面的说法）


def claim_key(name: str) -> tuple[str, str]:
    """片段（相对于 snippets/ 的路径）→ (检查模块名, 函数名)：a/b-c.py → ("a", "b_c")。"""
    path = Path(name)
    if path.parent == Path("."):
        raise SnippetError(f"片段 {name} 要放在 snippets/<主题>/ 下：检查函数按主题写在 {CLAIMS_DIR.as_posix()}/<主题>.py 里")
    return path.parent.as_posix().replace("/", "_"), path.stem.replace("-", "_")


class Claims:
    """一个项目的检查函数（``tests/snippets/<主题>.py``）。

    每个模块在一个进程里只加载一次（构建、整个测试会话）；目录里的文件改了（``mkdocs serve`` 时）才重新加载。
    """

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
            if stamp != self.stamp:  # 第一次，或者有文件改了：连同它们共用的 _helpers 一起重新加载
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

    def find(self, name: str) -> Callable[[Result], None] | None:
        """片段（相对于 snippets/ 的路径）的检查函数；没有就是 None。"""
        topic, function = claim_key(name)
        module = self.module(topic)
        return getattr(module, function, None) if module is not None else None

    def require(self, name: str) -> Callable[[Result], None]:
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


def claims(root: Path = ROOT) -> Claims:
    """这个项目的检查函数（每个进程一份）。"""
    with _claims_lock:
        return _claims.setdefault(root.resolve(), Claims(root.resolve()))


def check_claim(claim: Callable[[Result], None], result: Result) -> str | None:
    """调用检查函数；不成立时返回说明（哪个函数、哪一行、什么断言或异常），成立时返回 None。"""
    try:
        claim(result)
    except Exception as error:  # noqa: BLE001 - 检查函数里的任何异常都说明它对这份输出不成立
        folder = Path(claim.__code__.co_filename).parent
        frames = [frame for frame in traceback.extract_tb(error.__traceback__) if Path(frame.filename).parent == folder]
        where = "\n".join(f"    {_rel(Path(frame.filename), folder.parents[1])}:{frame.lineno}  {frame.line}"
                          for frame in frames)
        detail = "\n    ".join(str(error).strip().splitlines()[:3])[:300]  # 有的检查把整段输出当消息：下面另有输出
        detail = f"{type(error).__name__}: {detail}" if detail else type(error).__name__
        module = _rel(Path(claim.__code__.co_filename), folder.parents[1])
        return f"检查 {module}::{claim.__name__} 不成立：\n{where}\n    {detail}"
    return None


def verified(snippet: Snippet, claim: Callable[[Result], None], attempt: Callable[[], Result],
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
    where = snippet.rel + (f"（页面 {', '.join(pages)}）" if pages else "")
    runs = f"（运行了 {result.attempt} 次，每次都不成立）" if result.attempt > 1 else ""
    tail = "\n".join("    " + line for line in result.lines[-15:])
    return (f"片段 {where} 在 CPython {result.python_version}、启动方法 {result.start_method} 下的输出与页面的说法不符{runs}：\n"
            f"{failure}\n最后的输出：\n{tail}")


# ---------------------------------------------------------------- 缓存与并行


def _engine_version() -> str:
    return _files_digest(Path(__file__), CHILD_SITE / "sitecustomize.py")


def _files_digest(*files: Path) -> str:
    return _digest(tuple((str(f), f.stat().st_mtime_ns, f.stat().st_size) for f in files))


@functools.lru_cache(maxsize=4)
def _digest(stamps: tuple[tuple[str, int, int], ...]) -> str:
    """引擎文件内容的摘要；文件没变（修改时间和大小相同）就不再读一遍，每个缓存键都要用它。"""
    return hashlib.sha256(b"".join(Path(name).read_bytes() for name, _, _ in stamps)).hexdigest()[:16]


class Engine:
    """按内容缓存结果，并行预跑页面里用到的所有片段。

    一次构建是一“轮”：渲染第一个围栏时扫描 docs/，把全部片段提交给线程池（每个任务是一个子进程）；
    最后一个围栏渲染完时输出汇总。``mkdocs serve`` 每次重建开始新的一轮。
    """

    def __init__(self, root: Path = ROOT, jobs: int | None = None, fresh: bool | None = None) -> None:
        self.root = root
        self.cache_dir = root / ".cache" / "snippets"
        self.claims = claims(root)
        self.fresh = os.environ.get("SNIPEXEC_FRESH") == "1" if fresh is None else fresh
        # 大多数片段的时间花在 sleep 和等待子进程上，CPU 用得很少：线程数是核心数的几倍，
        # 等待才能重叠起来（2 核上 12 个比 6 个，冷构建快约四分之一）；计时敏感的 alone 片段仍然独占
        self.jobs = jobs or int(os.environ.get("SNIPEXEC_JOBS", 0)) or 4 * (os.cpu_count() or 1) + 4
        self.lock = threading.Lock()
        self.interpreters_lock = threading.Lock()
        self.running: dict[str, subprocess.Popen] = {}  # 正在运行的片段：运行标记 → 最外层进程
        self._reset()
        # 解释器退出时（Ctrl-C、构建出错）中止：否则退出前线程池要把正在运行的、排队的片段全部跑完，
        # Ctrl-C 要等到构建本该结束的时候。concurrent.futures 在等线程池的线程之前，先调用经
        # threading._register_atexit 登记的函数（它自己就用这个接口，3.9 起都有）；没有这个接口时退回 atexit，只是晚一些
        getattr(threading, "_register_atexit", atexit.register)(self.abort)

    def _reset(self) -> None:
        self.pool = ThreadPoolExecutor(self.jobs)
        self.stopping = threading.Event()  # 属于这个线程池：中止后换新的线程池，旧线程池的任务仍看到已中止
        self.futures: dict[str, Future] = {}
        self.stats = Counter(run=0, cached=0, failed=0, retried=0)
        self.timings: list[tuple[float, str]] = []
        self._new_round()

    def _new_round(self) -> None:
        """一轮（一次构建；mkdocs serve 每次重建各是一轮）的状态，每轮从头开始。"""
        self.pages: dict[str, list[str]] = {}  # 片段 → 用到它的页面
        self.remaining: Counter[str] = Counter()  # 本轮还没渲染的围栏
        self.charted: set[str] = set()  # 要画时间线的片段：在线程池里跑完就画，不占渲染线程
        self.alone: list[Future] = []  # 本轮独占运行的片段：先跑完它们，其余片段才开始
        self.drawn: set[str] = set()  # 本轮已经画好的（缓存键）
        self.interpreters: dict[str, Interpreter | None] = {}  # versions= 要的版本 → 解释器（每轮查询一次），没装是 None

    def start_round(self) -> None:
        """扫描 docs/，提交本轮要用的全部片段。

        顺序有讲究：alone 片段最先、一个接一个地跑，此时机器上没有别的片段，也还没有加载 jieba；
        其余片段等它们跑完再开始（否则文件锁总被共享的一方抢到，alone 片段拖到最后，
        用到它的页面和其后的所有页面都得等着）；然后按 MkDocs 读页面的顺序运行，
        渲染线程可以边等边转换已经就绪的页面，构建结束时剩下的活最少。
        """
        self._new_round()
        docs = self.root / "docs"
        all_fences = list(fences(docs))
        for fence in all_fences:
            self.pages.setdefault(fence.name, []).append(fence.page.relative_to(docs).as_posix())
            self.remaining[fence.name] += 1
        runs = planned_runs(all_fences, self.root, self.interpreter)
        # 要不要记录事件只在 planned_runs 里决定；submit（渲染时取结果也经过它）按这个集合算缓存键
        self.charted = {planned.snippet.name for planned in runs if planned.events}
        for planned in runs:
            future = self.submit(planned.snippet, planned.method, planned.python)
            if planned.snippet.meta.alone:
                self.alone.append(future)
        # 片段在子进程里运行时，构建进程基本空闲：趁这时加载 jieba 词典（1–1.5 秒，占着 GIL 和一个核心）。
        # material 的搜索插件在所有页面都转换完、片段都跑完之后才用它，不预加载就全压在构建的最后。
        # 等 alone 片段跑完再加载，不去抢它们要量的 CPU
        if importlib.util.find_spec("jieba") is not None:
            alone = list(self.alone)

            def preload() -> None:
                wait(alone)
                _load_jieba()

            threading.Thread(target=preload, daemon=True).start()

    def interpreter(self, minor: str) -> Interpreter | None:
        """versions= 要的某个版本的解释器；每轮（每次构建）只查询一次，没装是 None（汇总行会列出来）。"""
        # 自己的锁：start_round 在持有 self.lock 时经 planned_runs 调用这里
        with self.interpreters_lock:
            if minor not in self.interpreters:
                self.interpreters[minor] = find_interpreter(minor)
            return self.interpreters[minor]

    def submit(self, snippet: Snippet, method: str | None, python: Interpreter | None = None) -> Future | None:
        python = python or Interpreter.current()
        if not snippet.meta.runnable_on(python.version_info):
            return None
        events = snippet.name in self.charted
        key = snippet.key(method, events, python)
        if key not in self.futures:
            self.futures[key] = self.pool.submit(self._get, snippet, method, python, key, events, self.stopping)
        return self.futures[key]

    def _get(self, snippet: Snippet, method: str | None, python: Interpreter, key: str, events: bool,
             stopping: threading.Event) -> Result:
        """一个（片段, 解释器, 启动方法）的结果：取自缓存或运行，并用检查函数核对——放上页面的每个结果都核对过。"""
        claim = self.claims.require(snippet.name)
        cached = self.cache_dir / f"{key}.json"
        first = None
        if cached.is_file() and not self.fresh:
            with self.lock:
                self.stats["cached"] += 1
            first = Result(**{**json.loads(cached.read_text(encoding="utf-8")), "cached": True})
        runs = []

        def attempt() -> Result:
            if runs or first is not None:  # 前一个结果（或缓存的结果）检查不成立
                with self.lock:
                    self.stats["retried"] += 1
            runs.append(self._run(snippet, method, python, events, stopping))
            return runs[-1]

        result, failure = verified(snippet, claim, attempt, first)
        if failure is not None:
            with self.lock:
                self.stats["failed"] += 1
            raise SnippetError(claim_failure_message(snippet, result, failure, self.pages.get(snippet.name, [])))
        if not result.cached and not problems(snippet, result):  # 只缓存符合预期的结果：失败的片段下次一定重跑
            _write_atomically(cached, json.dumps(dataclasses.asdict(result), ensure_ascii=False))
            if events:
                self.timeline(snippet, result, key)
        return result

    def _run(self, snippet: Snippet, method: str | None, python: Interpreter, events: bool,
             stopping: threading.Event) -> Result:
        if not snippet.meta.alone:
            wait(self.alone)  # 见 start_round：独占的片段先跑完
        if stopping.is_set():  # 构建已中止（abort()），不再开始新的运行
            raise CancelledError
        tokens = []

        def on_start(proc: subprocess.Popen, token: str) -> None:
            with self.lock:
                self.running[token] = proc
            tokens.append(token)
            if stopping.is_set():  # abort() 恰好在进程启动前做完
                _kill_tree(proc, token)

        try:
            result = run(snippet, method, events=events, on_start=on_start, python=python)
        finally:
            with self.lock:
                for token in tokens:
                    self.running.pop(token, None)
        if stopping.is_set():
            raise CancelledError  # 被 abort() 杀掉的：不算数，也不缓存
        with self.lock:
            self.stats["run"] += 1
            self.stats["failed"] += bool(problems(snippet, result))
            version = "" if python == Interpreter.current() else f"{python.version} "  # 构建用的版本不写
            self.timings.append((result.duration, f"{snippet.rel}[{version}{result.start_method}]"))
        return result

    def abort(self) -> None:
        """构建失败或解释器退出（比如 Ctrl-C）：排队的运行不再开始，正在运行的片段连同整棵进程树马上杀掉。"""
        self.stopping.set()
        self.pool.shutdown(wait=False, cancel_futures=True)
        with self.lock:
            running = list(self.running.items())
        for token, proc in running:
            _kill_tree(proc, token)

    def results(self, name: str, methods: list[str | None],
                versions: list[str] | None = None) -> tuple[Snippet, list[Result | Absent]]:
        """渲染一个围栏：取回（必要时运行）结果；不符合预期就抛 SnippetError，构建失败。

        versions（versions= 围栏）时每个版本一项：那个版本的运行结果，或说明没有输出的 Absent。
        """
        with self.lock:
            if not self.remaining:
                self.start_round()
            pages = self.pages.get(name, [])
            self.remaining[name] -= 1
            self.remaining += Counter()  # 去掉计数为 0 的项
        try:
            snippet = Snippet.load(name, self.root)
            self.claims.require(snippet.name)  # 没运行的（requires=、没装的版本）也要有：换个版本构建时就会用到
            if versions:
                pythons = {minor: self.interpreter(minor) for minor in versions}
                with self.lock:
                    slots = [Absent(minor, missing=True) if python is None
                             else self.submit(snippet, None, python) or Absent(minor, missing=False)
                             for minor, python in pythons.items()]
            else:
                with self.lock:
                    slots = [future for method in methods if (future := self.submit(snippet, method)) is not None]
            results = [slot if isinstance(slot, Absent) else slot.result() for slot in slots]
            for result in results:
                if isinstance(result, Result) and problems(snippet, result):
                    raise SnippetError(failure_message(snippet, result, pages))
        except SnippetError as error:
            self.abort()
            self.summary()
            self._reset()
            if pages and not all(page in str(error) for page in pages):
                raise SnippetError(f"{error}（页面 {', '.join(pages)}）") from None
            raise
        if not self.remaining:
            self.summary()
            self.futures.clear()
        return snippet, results

    def site_prefix(self, name: str) -> str:
        """从用到片段的页面的网址回到站点根目录的相对路径（use_directory_urls：join.md → /join/ → "../"）。

        内嵌转换出来的 HTML 不经过 MkDocs 的链接改写，所以这里自己算；构建后的链接检查会兜底。
        """
        depths = set()
        for page in self.pages.get(name, []):
            parts = page[: -len(".md")].split("/")
            depths.add(len(parts) - (parts[-1] in {"index", "README"}))
        if len(depths) > 1:
            raise SnippetError(f"片段 {name} 用在不同层级的页面上：{self.pages[name]}，无法生成统一的下载链接")
        return "../" * (depths.pop() if depths else 1)

    def timeline(self, snippet: Snippet, result: Result, key: str | None = None) -> str:
        """时间线图（HTML），和结果一样按缓存键存放：没改动的重建不再画。"""
        import timeline

        key = key or snippet.key(result.start_method, events=True)
        # 画图的代码（tools/timeline.py）也在文件名里：只改了画法时重画，不必重跑片段
        cached = self.cache_dir / f"{key}.{_files_digest(Path(timeline.__file__))[:8]}.svg.html"
        if cached.is_file() and (result.cached or key in self.drawn):
            return cached.read_text(encoding="utf-8")  # 之前的构建或本轮的线程池已经画好
        chart = timeline.svg(result.events)
        if not chart:
            raise SnippetError(f"{snippet.rel}：要求画时间线，但没有记录到任何进程事件")
        html = (f'<figure class="snippet-timeline">{chart}'
                f"<figcaption>{timeline.caption(timeline.lanes(result.events))}</figcaption></figure>\n")
        _write_atomically(cached, html)
        with self.lock:
            self.drawn.add(key)
        return html

    def missing(self) -> list[str]:
        """本轮 versions= 要用、构建时却没有安装的 CPython 版本。"""
        with self.interpreters_lock:
            return sorted((minor for minor, python in self.interpreters.items() if python is None),
                          key=lambda minor: tuple(map(int, minor.split("."))))

    def summary(self) -> None:
        slowest = "、".join(f"{what} {seconds:.1f}s" for seconds, what in sorted(self.timings, reverse=True)[:3])
        missing = self.missing()
        absent = f"；没有安装 CPython {'、'.join(missing)}（这些标签页注明没有输出）" if missing else ""
        retried = f"；检查不成立而重跑 {self.stats['retried']} 次" if self.stats["retried"] else ""
        log.info(f"snipexec: 运行 {self.stats['run']} 个，取自缓存 {self.stats['cached']} 个，"
                 f"失败 {self.stats['failed']} 个；最慢：{slowest or '无'}{absent}{retried}")
        self.stats = Counter(run=0, cached=0, failed=0, retried=0)
        self.timings = []


def _load_jieba() -> None:
    """加载 jieba 的词典。

    jieba 0.42 用 marshal.load(文件) 读它约 9 MB 的词典缓存，逐个对象调用 read()：本机要 1 秒多，
    全程占着 GIL，构建里别的线程都停下；先整块读入再 marshal.loads 只要三分之一的时间。
    只替换 jieba 模块里的 marshal 名字，读写的内容和格式都不变；jieba 不再用这个名字时什么也不改。
    """
    import marshal
    import types

    jieba = importlib.import_module("jieba")
    original = getattr(jieba, "marshal", None)
    if original is marshal:
        jieba.marshal = types.SimpleNamespace(load=lambda file: marshal.loads(file.read()), dump=marshal.dump)
    try:
        jieba.initialize()
    finally:
        if original is marshal:
            jieba.marshal = marshal


def _write_atomically(path: Path, text: str) -> None:
    """先写临时文件再改名：并行的线程、同时构建的另一个进程都不会读到写了一半的缓存。"""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(f".{uuid.uuid4().hex}.tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)


class Fence(NamedTuple):
    page: Path
    name: str  # 片段路径，相对于 snippets/
    methods: list[str | None]  # 要运行的启动方法；[None] 表示平台默认
    timeline: bool
    versions: list[str] | None = None  # versions= 列出的 CPython 版本（"3.13"…）；None 表示构建用的这一个

    @property
    def tabs(self) -> int:
        """页面上这个围栏有几份结果（标签页）：每个版本或每个启动方法一份。"""
        return len(self.versions) if self.versions else len(self.methods)


def pages(docs: Path) -> Iterator[Path]:
    """docs/ 下的 Markdown 页面，按 MkDocs 读取它们的顺序：逐个目录，index/README 在前，其余按文件名。"""
    for folder, dirs, files in os.walk(docs, followlinks=True):
        dirs.sort()
        for name in sorted(files, key=lambda name: (Path(name).stem not in {"index", "README"}, name)):
            if name.endswith(".md"):
                yield Path(folder) / name


def fences(docs: Path) -> Iterator[Fence]:
    """docs/ 里的每个 snippet 围栏，按页面的构建顺序。构建、基准和测试都从这里读页面。"""
    for page in pages(docs):
        for match in FENCE_RE.finditer(page.read_text(encoding="utf-8")):
            timeline = re.search(r"(?:^|\s)timeline(?:[\s=]|$)", match["opts"]) is not None
            methods, versions = parse_methods(match["opts"]), parse_versions(match["opts"])
            if versions and methods != [None]:
                raise SnippetError(f"{page.name}：{VERSIONS_WITH_METHODS}")
            yield Fence(page, match["body"].strip(), methods, timeline, versions)


def charted(all_fences: Iterable[Fence]) -> set[str]:
    """要画时间线的片段：只有它们运行时记录事件（构建和测试用同一条规则）。"""
    return {fence.name for fence in all_fences if fence.timeline}


class PlannedRun(NamedTuple):
    snippet: Snippet
    method: str | None
    events: bool  # 要画时间线：运行时记录事件
    python: Interpreter  # 运行它的解释器：构建用的这一个，或 versions= 的某个版本


def planned_runs(all_fences: list[Fence], root: Path,
                 interpreter: Callable[[str], Interpreter | None] | None = None) -> list[PlannedRun]:
    """一轮构建要做的运行：每个（片段, 解释器, 启动方法）只一次，alone 的排在最前，其余保持页面顺序。

    不在那个版本上运行的（requires=）、构建时没装的版本不算；缺失的片段跳过，渲染到它时再报错，那时知道页面。
    构建和基准的串行总时长都从这里取，两者运行的是同一批。interpreter(版本) 找 versions= 要的解释器
    （引擎传入它每轮查询一次的那个；默认每次调用本函数时各查一次）。
    """
    interpreter = interpreter or functools.cache(find_interpreter)
    marked = charted(all_fences)
    runs: dict[str, PlannedRun] = {}
    for fence in all_fences:
        with contextlib.suppress(SnippetError):
            snippet = Snippet.load(fence.name, root)
            events = snippet.name in marked
            if fence.versions:
                pythons = [python for python in map(interpreter, fence.versions) if python is not None]
                jobs = [(None, python) for python in pythons]
            else:
                jobs = [(method, Interpreter.current()) for method in fence.methods]
            for method, python in jobs:
                if snippet.meta.runnable_on(python.version_info):
                    # 按缓存键去重：同一个解释器上写明的默认启动方法和不写是同一次运行
                    runs.setdefault(snippet.key(method, events, python), PlannedRun(snippet, method, events, python))
    return sorted(runs.values(), key=lambda planned: not planned.snippet.meta.alone)  # 稳定排序


VERSIONS_WITH_METHODS = ("snippet 围栏不能同时写 versions= 和 methods=：versions= 的每个版本用它自己的默认启动方法运行；"
                         "要在某个版本上比较启动方法，另写一个 methods= 围栏")


def parse_versions(opts: str) -> list[str] | None:
    """versions="3.13 3.14" → ["3.13", "3.14"]；没写是 None。只能是 3.11–3.15，不能重复。"""
    match = re.search(r'versions="([^"]*)"', opts)
    if not match:
        return None
    versions = match.group(1).split()
    unknown = [v for v in versions if v not in VERSIONS]
    if unknown or not versions or len(set(versions)) != len(versions):
        raise SnippetError(f"versions= 写的是 {match.group(1)!r}：要写不重复的 {' '.join(VERSIONS)} 之一或几个，空格分隔")
    return versions


def parse_methods(opts: str) -> list[str | None]:
    match = re.search(r'methods="([^"]*)"', opts)
    if not match:
        return [None]
    methods = match.group(1).split()
    unknown = [m for m in methods if m not in METHODS]
    if unknown or not methods:
        raise SnippetError(f"未知的启动方法 {unknown}（可用：{' '.join(METHODS)}）")
    return methods


# ---------------------------------------------------------------- superfences 围栏

_engine: Engine | None = None


def validate(language, inputs, options, attrs, md) -> bool:  # noqa: ARG001 - superfences 的接口
    for key, value in inputs.items():
        if key == "methods":
            parse_methods(f'methods="{value}"')
        elif key == "versions":
            parse_versions(f'versions="{value}"')
        elif key == "timeline":
            if value not in {"timeline", "1", "true", ""}:
                raise SnippetError(f"timeline 选项不需要值（写成 timeline），收到 {value!r}")
        else:
            raise SnippetError(f"snippet 围栏不认识选项 {key}={value!r}（可用：methods、versions、timeline）")
        options[key] = value
    if "methods" in options and "versions" in options:
        raise SnippetError(VERSIONS_WITH_METHODS)
    return True


def format(src, language, class_name, options, md, **kwargs):  # noqa: A001, ARG001 - superfences 的接口
    try:
        return _format(src, options, md)
    except SnippetError:
        raise
    except Exception as error:  # superfences 会吞掉普通异常、把块渲染成普通代码：改成让构建失败
        raise SnippetError(f"渲染片段 {src.strip()} 时出错：{type(error).__name__}: {error}") from error


def _format(src: str, options: dict, md):
    from markdown_exec import base_format
    from markupsafe import Markup

    global _engine
    if _engine is None:
        _engine = Engine(Path(os.environ.get("SNIPEXEC_ROOT", ROOT)))
    methods = parse_methods(f'methods="{options["methods"]}"') if "methods" in options else [None]
    versions = parse_versions(f'versions="{options["versions"]}"') if "versions" in options else None
    snippet, results = _engine.results(src.strip(), methods, versions)
    charts = ([_engine.timeline(snippet, result) if isinstance(result, Result) else "" for result in results]
              if "timeline" in options else None)
    prefix = _engine.site_prefix(src.strip())
    # 页面里第几个片段围栏（MkDocs 每个页面用一个新的 Markdown 实例）：标签页等元素的 id 由它决定，
    # 同一页上互不重复，也不随其他页面、其他围栏是否取自缓存而变
    md.snipexec_fences = getattr(md, "snipexec_fences", 0) + 1
    id_prefix = f"snippet-{md.snipexec_fences}-"
    title = f"snippets/{_rel(snippet.path, snippet.root / 'snippets')}"
    # 转换出来的 HTML 只取决于下面这些：都没变就直接用上次的（省掉 Markdown 转换和代码高亮，热构建的一大半）
    cached = _engine.cache_dir / "html" / (_html_key(
        md, snippet.shown_source, [{**dataclasses.asdict(result), "cached": None} for result in results], charts,
        sorted(options.items()), id_prefix, prefix, title, os.environ.get("REPO_URL")) + ".html")
    if cached.is_file() and not _engine.fresh:
        return Markup(cached.read_text(encoding="utf-8"))  # noqa: S704 - 自己上次转换出来的 HTML
    html = base_format(
        language="python", run=lambda code, **_: render_results(snippet, results, charts, prefix, versioned=bool(versions)),
        code=snippet.shown_source, md=md, source="above", extra={"title": title}, id_prefix=id_prefix,
    )
    _write_atomically(cached, str(html))
    return html


def _html_key(md, *inputs) -> str:
    """一个围栏转换结果的缓存键：输入，加上转换它的一切（引擎、Markdown 扩展的版本和配置）。"""
    # markdown-exec 转换围栏时用的正是 md.registeredExtensions（再加上 tables、md_in_html），配置也取自它们
    if not hasattr(md, "snipexec_config"):  # 每个页面算一次
        md.snipexec_config = json.dumps(
            [[type(ext).__module__, type(ext).__qualname__, ext.getConfigs()] for ext in md.registeredExtensions],
            default=lambda value: getattr(value, "__module__", "") + "." + getattr(value, "__qualname__", repr(value)),
            sort_keys=True,
        )
    text = json.dumps([_engine_version(), _renderer_versions(), md.snipexec_config, inputs], sort_keys=True,
                      ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def _renderer_versions() -> list[str]:
    from importlib.metadata import version

    return [version(name) for name in ("markdown", "pymdown-extensions", "pygments", "markdown-exec", "markupsafe")]


def render_results(snippet: Snippet, results: list[Result | Absent], charts: list[str] | None = None,
                   site_prefix: str = "../", versioned: bool = False) -> str:
    """结果的 Markdown：每次运行一段输出和一行环境戳（可带时间线）；不止一次时用标签页并排，
    标签是启动方法，versioned（versions= 围栏）时是“Python 3.N”，没有输出的版本只有一段说明。"""
    command = f"python {snippet.rel}"

    def block(result: Result, chart: str) -> str:
        fence = "`" * 6
        body = result.output.rstrip("\n") or "（没有输出）"
        expected = snippet.meta.expected(result.python)
        expect = f" · {expected.describe()}" if expected.raises or expected.exit else ""
        return (f'{fence}text title="$ {command}"\n{body}\n{fence}\n\n'
                f'{result.stamp()}{expect}{links}\n{{: .snippet-stamp }}\n\n{chart}')

    def note(title: str, text: str) -> str:
        return f'!!! info "{title}"\n    {text}\n\n{links.removeprefix(" · ")}\n{{: .snippet-stamp }}\n'

    def absent(entry: Absent) -> str:
        if entry.missing:
            return note(f"没有 Python {entry.version} 的输出",
                        f"构建本站时没有安装 CPython {entry.version}，这个示例没有在 {entry.version} 上运行，因此这里没有输出。"
                        f"用 Python {entry.version} 运行 `{command}` 可以看到结果。")
        need = ".".join(map(str, snippet.meta.requires))
        return note(f"需要 Python {need} 或更新版本",
                    f"这个示例需要 Python {need}+，没有在 {entry.version} 上运行，因此这里没有输出。")

    # docs/snippets 是指向 snippets/ 的符号链接，MkDocs 会把源文件复制进站点：链接永远可用，
    # 也受构建时的链接检查约束。知道仓库地址时（发布工作流设置 REPO_URL）再加一个到仓库的链接。
    links = f" · [下载 {snippet.path.name}]({site_prefix}{snippet.rel})"
    if os.environ.get("REPO_URL"):
        links += f" · [在仓库中查看]({os.environ['REPO_URL'].rstrip('/')}/blob/main/{snippet.rel})"
    if not results and not snippet.meta.runnable_here:
        need = ".".join(map(str, snippet.meta.requires))
        return note(f"需要 Python {need} 或更新版本",
                    f"本站构建用的是 CPython {platform.python_version()}，这个示例没有运行，因此这里没有输出。"
                    f"用 Python {need}+ 运行 `{command}` 可以看到结果。")
    charts = charts or [""] * len(results)
    parts = [absent(r) if isinstance(r, Absent) else block(r, c) for r, c in zip(results, charts)]
    if len(parts) == 1:
        return parts[0]
    labels = [f"Python {r.version if isinstance(r, Absent) else '{}.{}'.format(*r.python)}" if versioned
              else r.start_method for r in results]
    return "\n".join(f'=== "{label}"\n\n' + "\n".join("    " + line for line in part.splitlines()) + "\n"
                     for label, part in zip(labels, parts))

"""运行一个片段：全新的进程、临时工作目录、关闭的 stdin、注入的 sitecustomize，超时或留下进程时杀掉整棵进程树。"""

from __future__ import annotations

import contextlib
import functools
import os
import py_compile
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import uuid
from collections.abc import Callable
from pathlib import Path

from .cache import STATE_DIR
from .childsite import snipexec_contract as contract
from .interpreters import CHILD_SITE, Interpreter, child_site_files
from .model import OUTPUT_LIMIT, Result, Snippet

# 回溯里属于注入模块的一帧：File 那一行，加上其后缩进 4 格的源码行和 ^^^ 标记行
HARNESS_FRAME_RE = re.compile(r'^  File "[^"]*childsite[/\\][^"/\\]+\.py", line \d+, in .*\n(?:    .*\n)*', re.MULTILINE)


@contextlib.contextmanager
def alone_lock(root: Path, exclusive: bool):
    """跨进程的读写锁：普通片段共享，alone 片段独占（构建和 pytest-xdist 的各个 worker 之间都有效）。"""
    try:
        import fcntl
    except ImportError:  # Windows：不做隔离
        yield
        return
    lock_file = root / STATE_DIR / "alone.lock"
    lock_file.parent.mkdir(parents=True, exist_ok=True)
    with open(lock_file, "a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX if exclusive else fcntl.LOCK_SH)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


PF_KTHREAD = 0x00200000  # /proc/<pid>/stat 第 9 个字段里“内核线程”的标志位
SETTLE_SECONDS = 0.5  # 最多等一个正在 exec 的进程多久


def read_proc(pid: str, name: str) -> bytes:
    with open(f"/proc/{pid}/{name}", "rb") as file:
        return file.read()


def settled_environ(pid: str) -> bytes:
    """读到空环境的进程：正在 exec 的，等内核设好它的新环境再读；僵尸、内核线程这类本来就没有环境的，返回空。

    Popen 在子进程 exec 时（close-on-exec 的管道关闭）就返回，内核稍后才设好新程序的环境变量区，
    这之间 /proc/<pid>/environ 读出来是空的。机器很忙时这段空档能长到片段的主进程都已退出、开始扫描。
    """
    deadline = time.monotonic() + SETTLE_SECONDS
    while True:
        try:
            stat = read_proc(pid, "stat")
            fields = stat[stat.rindex(b")") + 2:].split()
            if fields[0] in (b"Z", b"X") or int(fields[6]) & PF_KTHREAD:
                return b""
            if environ := read_proc(pid, "environ"):
                return environ
        except (OSError, ValueError, IndexError):
            return b""
        if time.monotonic() > deadline:
            return b""
        time.sleep(0.002)


def pids_with_token(token: str) -> list[int]:
    """带有本次运行标记的所有进程：环境变量会一路继承，setsid、两次 fork 都甩不掉。"""
    needle = f"{contract.RUN}={token}".encode()
    found = []
    # 每次运行结束都要扫一遍所有进程：用最直接的 listdir/open（比 Path.glob 快约 3 倍），先做子串查找再精确比较
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            environ = read_proc(name, "environ") or settled_environ(name)
        except OSError:
            continue
        if needle in environ and needle in environ.split(b"\0"):
            found.append(int(name))
    return [pid for pid in found if pid != os.getpid()]


def kill_tree(proc: subprocess.Popen, token: str) -> int:
    """杀掉进程组，再杀掉所有带标记的进程（包括另立会话的后代）。返回后者的个数。"""
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(proc.pid, signal.SIGKILL)
    stray = pids_with_token(token) if sys.platform.startswith("linux") else []
    for pid in stray:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)
    return len(stray)


def elide(text: str, workdir: str, root: Path, python: Interpreter | None = None) -> str:
    """让输出可重复、也不泄露构建机的路径；回溯里去掉注入模块的栈帧（读者自己运行时没有它们）。"""
    python = python or Interpreter.current()
    text = HARNESS_FRAME_RE.sub("", text)
    text = text.replace(workdir + os.sep, "").replace(workdir, ".")
    text = text.replace(str(root) + os.sep, "")
    return text.replace(python.stdlib, f".../python{python.minor}")


@functools.cache
def compile_child_site() -> None:
    """把注入的模块预先编译好（每个进程一次；versions= 的其他解释器在查询时各自编译）。

    片段进程带着 PYTHONDONTWRITEBYTECODE=1 运行（不往项目里写 __pycache__），自己不会存下编译结果：
    没有 .pyc 时，每启动一个 Python 进程（一次构建约 190 个）都要重新编译它，本机每次约 6 毫秒；有了只要 0.5 毫秒。
    .pyc 按源文件的修改时间校验，改了源文件也不会用到旧的。
    """
    for path in child_site_files():
        py_compile.compile(str(path), doraise=True)


def read_events(path: str) -> list:
    """读入并删除时间线记录；时间换算成相对最早一条记录的秒数。"""
    try:
        raw = Path(path).read_text(encoding="utf-8").splitlines()
    finally:
        os.unlink(path)
    rows = sorted(contract.parse_event_row(line) for line in raw)
    origin = min((row[0] for row in rows), default=0.0)
    return [[round(t - origin, 6), pid, kind, name] for t, pid, kind, name in rows]


def child_env(token: str, method: str | None, events_path: str | None) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in {"PYTHONUNBUFFERED", "PYTHONSTARTUP", "PYTHONPATH"}}
    env.update(PYTHONPATH=str(CHILD_SITE), PYTHONHASHSEED="0", PYTHONIOENCODING="utf-8",
               PYTHONDONTWRITEBYTECODE="1", PYTHON_COLORS="0", NO_COLOR="1")
    env.update({contract.RUN: token, contract.RESTORE_SIGINT: "1"})
    if method:
        env[contract.START_METHOD] = method
    if events_path:
        env[contract.EVENTS] = events_path
    return env


def run(snippet: Snippet, method: str | None = None, *, events: bool = False,
        on_start: Callable[[subprocess.Popen, str], None] | None = None, python: Interpreter | None = None) -> Result:
    """在全新的进程里运行片段：临时工作目录、关闭的 stdin、超时杀整棵进程树、输出有上限。

    events=True 时记录时间线事件（进程、锁、进程池任务），只给要画时间线的片段用：
    记录要包装 multiprocessing 的内部，其余片段不必付这个代价。
    on_start(进程, 运行标记) 在进程启动后立即调用：引擎借它在构建中止时杀掉还在运行的片段。
    python 是运行它的解释器（versions= 的某个版本），默认是运行本函数的这一个。
    """
    python = python or Interpreter.current()
    compile_child_site()
    token = uuid.uuid4().hex
    events_path = None
    if events:
        events_fd, events_path = tempfile.mkstemp(prefix="snipexec-events-")
        os.close(events_fd)
    env = child_env(token, method, events_path)
    buffer = bytearray()
    overflowed = threading.Event()

    with alone_lock(snippet.root, snippet.meta.alone), tempfile.TemporaryDirectory(prefix="snipexec-") as workdir:
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
                        kill_tree(proc, token)

            reader = threading.Thread(target=pump, daemon=True)
            reader.start()
            # 读到 EOF 才算结束：所有还开着输出管道的后代都要写完
            reader.join(snippet.meta.timeout)
            timed_out = reader.is_alive()
            if timed_out:
                kill_tree(proc, token)
                reader.join()
            returncode = proc.wait()
            duration = time.perf_counter() - began
            leftovers = kill_tree(proc, token)  # 关掉了输出却还活着的后代：杀掉，并判为失败
        except BaseException:  # 引擎自己出错，或 Ctrl-C 落在这个线程里：不留下进程和临时文件
            kill_tree(proc, token)
            proc.wait()
            if reader is not None:
                reader.join(1)  # 进程树已杀掉，管道很快读到 EOF；读完再关
            if events_path:
                os.unlink(events_path)
            raise
        finally:
            proc.stdout.close()

    output = elide(buffer.decode("utf-8", "replace"), workdir, snippet.root, python)
    if overflowed.is_set():
        output += f"\n…（输出超过 {OUTPUT_LIMIT} 字节，已截断）\n"
    return Result(output, None if timed_out else returncode, duration, method or python.start_method,
                  timed_out, overflowed.is_set(), leftovers, events=read_events(events_path) if events_path else [],
                  python_version=python.version)

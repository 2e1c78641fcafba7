"""页面里“自己动手运行”的命令也是测试（docs/*.md 不在 tests/ 下，收集它们的钩子要放在仓库根目录这一层）。

测试共用的设置和夹具在 tests/conftest.py。
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent

BASH_BLOCK = re.compile(r"^```(?:bash|sh)\n(.*?)^```", re.MULTILINE | re.DOTALL)
SNIPPET_COMMAND = re.compile(r"python (snippets/\S+\.py)")


def pytest_collect_file(file_path: Path, parent):
    """页面上“自己动手运行”的 bash 代码块：每条命令一个测试，像读者那样在“仓库根目录”下运行。

    每条命令有自己的工作目录（临时目录，里面的 snippets 链接到仓库的 snippets/）：有的示例在工作目录里写文件
    （ipc_file 的 ticket.json），xdist 同时运行同一页的两条命令时不能互相踩到，也不在仓库里留下文件。

    测试名就是命令（docs/join.md::python snippets/join/join_many.py），失败时显示命令、退出状态和输出，
    所以汇总里直接看得到是哪个片段坏了。（pytest-codeblocks 把整块交给一个 bash，只看最后一条命令的退出状态，
    失败时的报告是一个整数，pytest-xdist 无法传回主进程，整个会话以 INTERNALERROR 结束。）
    """
    if file_path.suffix == ".md" and (ROOT / "docs") in file_path.parents:
        return RunBlocks.from_parent(parent, path=file_path)
    return None


class RunBlocks(pytest.File):
    def collect(self):
        text = self.path.read_text(encoding="utf-8")
        seen = set()
        for block in BASH_BLOCK.finditer(text):
            first = text.count("\n", 0, block.start()) + 2  # 代码块第一行的行号
            for offset, line in enumerate(block[1].splitlines()):
                command = line.strip()
                if command and not command.startswith("#"):
                    # 同一页上重复的命令（比如“运行两次看看”）按行号区分，测试名仍以命令开头
                    name = command if command not in seen else f"{command} (第 {first + offset} 行)"
                    seen.add(command)
                    yield RunCommand.from_parent(self, name=name, command=command, line=first + offset)


class CommandFailed(Exception):
    pass


class RunCommand(pytest.Item):
    def __init__(self, *, command: str, line: int, **kwargs) -> None:
        super().__init__(**kwargs)
        self.command, self.line = command, line

    def runtest(self) -> None:
        import snipexec

        match = SNIPPET_COMMAND.fullmatch(self.command)
        snippet = snipexec.Snippet.load(ROOT / match[1]) if match else None
        if snippet and not snippet.meta.runnable_here:
            pytest.skip(f"需要 Python {'.'.join(map(str, snippet.meta.requires))}+")
        expected = snippet.meta.expected(sys.version_info) if snippet else snipexec.Expectation()
        timeout = snippet.meta.timeout if snippet else snipexec.DEFAULT_TIMEOUT
        # 命令里的 python 就是运行测试的这个解释器（nox 的每个版本各一个），预期也按它的版本取
        env = {**os.environ, "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])}
        with tempfile.TemporaryDirectory(prefix="run-it-yourself-") as workdir:
            (Path(workdir) / "snippets").symlink_to(ROOT / "snippets", target_is_directory=True)
            done = subprocess.run(["bash", "-c", self.command], cwd=workdir, env=env, stdin=subprocess.DEVNULL,
                                  capture_output=True, text=True, timeout=timeout + 15)
        output = (done.stdout + done.stderr).rstrip("\n")
        last = output.splitlines()[-1] if output else ""
        raised = expected.raises is None or re.match(rf"(\w+\.)*{re.escape(expected.raises.rsplit('.', 1)[-1])}\b", last)
        if done.returncode != expected.exit or not raised:
            raise CommandFailed(f"退出状态 {done.returncode}，{expected.describe()}", output)

    def repr_failure(self, excinfo, style=None):
        if not isinstance(excinfo.value, CommandFailed):
            return super().repr_failure(excinfo, style)
        problem, output = excinfo.value.args
        tail = "\n".join(output.splitlines()[-30:])
        return f"{self.path.relative_to(ROOT)} 第 {self.line} 行：\n$ {self.command}\n{tail}\n（{problem}）"

    def reportinfo(self):
        return self.path, self.line - 1, f"$ {self.command}"

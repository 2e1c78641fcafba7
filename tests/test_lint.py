"""静态检查（ruff 的 F 规则，即 pyflakes）：未定义的名字、没用到的导入……

片段、检查函数和引擎里的这类错误，只有运行到那一行才会暴露；这里一次查遍所有 Python 文件。
"""

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_no_undefined_names_or_unused_imports() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "ruff", "check", "--no-cache", "--output-format", "concise",
         "snippets", "tests", "tools", "overrides", "noxfile.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr

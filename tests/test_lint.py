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
         "snippets", "src", "tests", "tools", "overrides", "conftest.py", "noxfile.py"],
        cwd=ROOT, capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_workflows_match_github_schema() -> None:
    """发布和测试工作流符合 GitHub Actions 的工作流格式（check-jsonschema 自带的离线副本）。"""
    assert WORKFLOWS
    done = subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", "vendor.github-workflows", *map(str, WORKFLOWS)],
        capture_output=True, text=True,
    )
    assert done.returncode == 0, done.stdout + done.stderr


def test_workflows_pass_zizmor() -> None:
    """工作流没有已知的安全问题：第三方 action 固定到提交、不留下凭据、权限最小（zizmor 离线审计）。"""
    zizmor = Path(sys.executable).with_name("zizmor")
    done = subprocess.run([str(zizmor), "--offline", str(ROOT / ".github" / "workflows")],
                          capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr

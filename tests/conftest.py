"""测试共用的设置：引擎和检查函数的导入路径、检查函数（每个进程加载一次）。"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tools"))
sys.path.insert(0, str(ROOT / "tests" / "snippets"))

import snipexec  # noqa: E402 - 要在上面的路径设置之后


@pytest.fixture(scope="session")
def claims() -> snipexec.Claims:
    """tests/snippets/ 里的检查函数：每个模块在一个进程（xdist 的每个 worker）里只加载一次，和构建用的是同一份。"""
    return snipexec.claims(ROOT)

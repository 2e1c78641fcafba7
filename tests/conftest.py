"""测试共用的夹具。引擎 snipexec 由 nox 以可编辑方式装进测试环境（src/snipexec/），不需要改导入路径。"""

from __future__ import annotations

from pathlib import Path

import pytest

import snipexec

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="session")
def claims() -> snipexec.Claims:
    """tests/snippets/ 里的检查函数：每个模块在一个进程（xdist 的每个 worker）里只加载一次，和构建用的是同一份。"""
    return snipexec.claims(ROOT)

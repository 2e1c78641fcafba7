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


def pytest_terminal_summary(terminalreporter) -> None:
    """列出检查函数不成立、按 retries= 重跑过的片段（成立的和最终失败的都列）：重跑吸收了多少主机噪声，一眼可见。"""
    rerun = sorted((dict(report.user_properties).get("snippet_runs", 1), report.nodeid, report.outcome)
                   for reports in terminalreporter.stats.values() for report in reports
                   if getattr(report, "when", None) == "call" and hasattr(report, "user_properties"))
    rerun = [entry for entry in rerun if entry[0] > 1]
    if rerun:
        terminalreporter.write_sep("-", f"重跑过的片段：{len(rerun)} 个")
        for runs, nodeid, outcome in rerun:
            terminalreporter.write_line(f"{nodeid}：运行了 {runs} 次，{'最终成立' if outcome == 'passed' else '每次都不成立'}")

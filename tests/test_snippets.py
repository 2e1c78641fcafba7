"""snippets/ 里的每个文件 × 每种启动方法：当作真实程序运行，检查预期结果和页面上的说法。

页面的说法写在 tests/snippets/<主题>.py 里，一个片段一个同名函数（文件名里的 - 换成 _）。
新加的片段没有对应函数时，本文件的测试会失败。检查函数由引擎加载（每个进程每个模块一次），
构建时同样用它们核对放上页面的每个结果；声明了 retries= 的片段在这里和构建里一样最多重跑那么多次。
"""

from __future__ import annotations

from pathlib import Path

import pytest

import snipexec

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = sorted(p for p in (ROOT / "snippets").rglob("*.py") if not p.name.startswith("_"))
# 页面上画时间线的片段：和构建一样记录事件，检查函数可以断言时间线上的区间
CHARTED = snipexec.charted_snippets(snipexec.fences(ROOT / "docs"))


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _param(path: Path):
    # alone（计时敏感、CPU 密集）的片段要一台安静的机器：标成 quiet，nox -s tests 在并行的测试
    # 全部结束之后才逐个运行它们（引擎的独占锁只管经过引擎的片段，管不到别的测试）
    alone = snipexec.Snippet.load(path).meta.alone
    return pytest.param(path, id=rel(path), marks=[pytest.mark.quiet] if alone else [])


@pytest.mark.parametrize("method", snipexec.METHODS)
@pytest.mark.parametrize("path", [_param(p) for p in SNIPPETS])
def test_snippet(path: Path, method: str, claims: snipexec.Claims, record_property) -> None:
    snippet = snipexec.Snippet.load(path)
    if not snippet.meta.runnable_here:
        pytest.skip(f"需要 Python {'.'.join(map(str, snippet.meta.requires))}+")
    claim = claims.require(snippet.name)
    result, failure = snipexec.verified(snippet, claim, lambda: snipexec.run(snippet, method, events=snippet.name in CHARTED))
    record_property("snippet_runs", result.attempt)  # conftest 在测试摘要里列出重跑过的片段
    # 消息本身已经说清了片段、版本、启动方法、哪条检查和最后的输出：不再附上 pytest 的回溯和对象展开
    if snipexec.problems(snippet, result):
        pytest.fail(snipexec.failure_message(snippet, result), pytrace=False)
    if failure is not None:
        pytest.fail(snipexec.claim_failure_message(snippet, result, failure), pytrace=False)


def test_snippets_exist() -> None:
    assert len(SNIPPETS) >= 2


def test_every_claim_has_a_snippet(claims: snipexec.Claims) -> None:
    """反过来：检查函数所指的片段必须存在，免得改名后检查悄悄失效。"""
    names = {snipexec.claim_key(p.relative_to(ROOT / "snippets").as_posix()) for p in SNIPPETS}
    orphans = [f"{topic}.py:{name}" for topic, name in claims.functions() if (topic, name) not in names]
    assert not orphans, f"这些检查函数没有对应的片段：{orphans}"

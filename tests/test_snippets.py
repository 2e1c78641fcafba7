"""snippets/ 里的每个文件 × 每种启动方法：当作真实程序运行，检查预期结果和页面上的说法。

页面的说法写在 tests/snippets/<主题>.py 里，一个片段一个同名函数（文件名里的 - 换成 _）。
新加的片段没有对应函数时，本文件的测试会失败。
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

import snipexec

ROOT = Path(__file__).resolve().parents[1]
SNIPPETS = sorted(p for p in (ROOT / "snippets").rglob("*.py") if not p.name.startswith("_"))
CLAIMS_DIR = Path(__file__).parent / "snippets"
# 页面上画时间线的片段：和构建一样记录事件，检查函数可以断言时间线上的区间
CHARTED = snipexec.charted(snipexec.fences(ROOT / "docs"))


def claim_key(path: Path) -> tuple[str, str]:
    """片段 → (检查模块名, 函数名)：snippets/a/b-c.py → ("a", "b_c")。"""
    return path.parent.relative_to(ROOT / "snippets").as_posix().replace("/", "_"), path.stem.replace("-", "_")


def claim_for(path: Path):
    topic, name = claim_key(path)
    module_path = CLAIMS_DIR / f"{topic}.py"
    if not module_path.is_file():
        return None
    spec = importlib.util.spec_from_file_location(f"claims_{topic}", module_path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return getattr(module, name, None)


def rel(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def _param(path: Path):
    # alone（计时敏感、CPU 密集）的片段要一台安静的机器：标成 quiet，nox -s tests 在并行的测试
    # 全部结束之后才逐个运行它们（引擎的独占锁只管经过引擎的片段，管不到别的测试）
    alone = snipexec.Snippet.load(path).meta.alone
    return pytest.param(path, id=rel(path), marks=[pytest.mark.quiet] if alone else [])


@pytest.mark.parametrize("method", snipexec.METHODS)
@pytest.mark.parametrize("path", [_param(p) for p in SNIPPETS])
def test_snippet(path: Path, method: str) -> None:
    snippet = snipexec.Snippet.load(path)
    if not snippet.meta.runnable_here:
        pytest.skip(f"需要 Python {'.'.join(map(str, snippet.meta.requires))}+")
    claim = claim_for(path)
    assert claim is not None, f"{rel(path)} 在 tests/snippets/ 里没有检查函数 {path.stem}()"
    result = snipexec.run(snippet, method, events=snippet.name in CHARTED)
    assert not snipexec.problems(snippet, result), snipexec.failure_message(snippet, result)
    claim(result)


def test_snippets_exist() -> None:
    assert len(SNIPPETS) >= 2


def test_every_claim_has_a_snippet() -> None:
    """反过来：检查函数所指的片段必须存在，免得改名后检查悄悄失效。"""
    names = {claim_key(p) for p in SNIPPETS}
    orphans = []
    for module_path in CLAIMS_DIR.glob("[!_]*.py"):
        spec = importlib.util.spec_from_file_location(f"claims_{module_path.stem}", module_path)
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        for name, value in vars(module).items():
            if callable(value) and getattr(value, "__module__", None) == module.__name__ and not name.startswith("_"):
                if (module_path.stem, name) not in names:
                    orphans.append(f"{module_path.name}:{name}")
    assert not orphans, f"这些检查函数没有对应的片段：{orphans}"

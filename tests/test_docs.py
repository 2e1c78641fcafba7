"""页面与片段之间的约定：每个片段都在某个页面上，每个代码块都是真实文件，每个页面都教读者自己运行。"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

import snipexec

ROOT = Path(__file__).resolve().parents[1]
PAGES = sorted((ROOT / "docs").rglob("*.md"))
SNIPPETS = sorted(p for p in (ROOT / "snippets").rglob("*.py") if not p.name.startswith("_"))
FENCE = re.compile(r"^\s*```(\w*)", re.MULTILINE)


FENCES = list(snipexec.fences(ROOT / "docs"))


def fences(page: Path) -> list[str]:
    return [fence.name for fence in FENCES if fence.page == page]


def test_every_snippet_is_shown_on_a_page():
    shown = {name for page in PAGES for name in fences(page)}
    unused = [p.relative_to(ROOT / "snippets").as_posix() for p in SNIPPETS
              if p.relative_to(ROOT / "snippets").as_posix() not in shown]
    assert not unused, f"这些片段没有出现在任何页面上：{unused}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_page_fences_point_to_real_files(page):
    for name in fences(page):
        assert (ROOT / "snippets" / name).is_file(), f"{page.name} 引用了不存在的片段 {name}"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_no_inline_python(page):
    """示例代码只能来自 snippets/ 里的文件：页面里不许直接写 python 代码块。"""
    languages = FENCE.findall(page.read_text(encoding="utf-8"))
    assert "python" not in languages and "py" not in languages


@pytest.mark.parametrize("page", [p for p in PAGES if fences(p)], ids=lambda p: p.relative_to(ROOT).as_posix())
def test_page_has_run_it_yourself_block(page):
    """每个有示例的页面都有一个 bash 代码块运行本页的片段；conftest.py 把其中每条命令当作一个测试真的执行。"""
    text = page.read_text(encoding="utf-8")
    blocks = re.findall(r"```bash\n(.*?)```", text, re.DOTALL)
    commands = [line.split()[1] for block in blocks for line in block.splitlines() if line.startswith("python ")]
    assert commands, f"{page.name} 没有“自己动手运行”的 bash 代码块"
    own = {f"snippets/{name}" for name in fences(page)}
    assert set(commands) <= own, f"{page.name} 的运行命令引用了本页之外的文件：{set(commands) - own}"


def test_run_blocks_skip_alone_snippets():
    """运行 bash 块里的命令时不持有引擎的独占锁：计时敏感的 alone 片段不放进去。"""
    listed = []
    for page in PAGES:
        for block in re.findall(r"```bash\n(.*?)```", page.read_text(encoding="utf-8"), re.DOTALL):
            listed += [line.split()[1] for line in block.splitlines() if line.startswith("python snippets/")]
    alone = [path for path in listed if snipexec.Snippet.load(ROOT / path).meta.alone]
    assert not alone, f"这些 alone 片段出现在“自己动手运行”块里：{alone}"

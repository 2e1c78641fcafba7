"""检查构建好的站点里，每个 snippet 围栏都变成了“源码 + 运行结果”，而不是原样留下的代码。

versions= 围栏还要每个版本一个标签页（“Python 3.N”），里面是那个版本的运行结果（环境戳写着 CPython 3.N.x），
或者如实说明没有输出（构建时没装这个版本、片段需要更新的版本）。

用法：python -m snipexec.rendered <站点目录>（在项目根目录下运行）
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from pathlib import Path

from .plan import fences

TAB_SET = re.compile(r'<div class="tabbed-set[^"]*"')
LABEL = re.compile(r"<label[^>]*>([^<]*)</label>")


def version_tabs(html: str) -> list[list[tuple[str, str]]]:
    """页面里每组“Python 3.N”标签页：[(标签, 标签页的 HTML), …]。"""
    sets = []
    for part in TAB_SET.split(html)[1:]:
        labels = LABEL.findall(part.split('class="tabbed-content"', 1)[0])
        if labels and all(re.fullmatch(r"Python 3\.\d+", label) for label in labels):
            blocks = part.split('class="tabbed-block"')[1:len(labels) + 1]
            sets.append(list(zip(labels, blocks)))
    return sets


def check(site: Path, docs: Path) -> list[str]:
    """不符合要求之处；空列表表示每个围栏都渲染好了。"""
    results: Counter[Path] = Counter()  # 页面 → 应有的运行结果个数（每个启动方法或版本一个）
    versioned: dict[Path, list[list[str]]] = {}  # 页面 → 其中每个 versions= 围栏的版本
    for fence in fences(docs):
        results[fence.page] += fence.options.tabs
        if fence.options.versions and len(fence.options.versions) > 1:
            versioned.setdefault(fence.page, []).append(list(fence.options.versions))
    problems = []
    for page, expected in sorted(results.items()):
        stem = page.relative_to(docs).with_suffix("")
        html_path = site / (stem.parent if stem.name == "index" else stem) / "index.html"
        html = html_path.read_text("utf-8") if html_path.is_file() else ""
        where = page.relative_to(docs.parent).as_posix()
        found = html.count('class="snippet-stamp"')
        if found < expected:
            problems.append(f"{where}：应有 {expected} 个运行结果，实际 {found} 个")
        tab_sets = version_tabs(html)
        if [[label.removeprefix("Python ") for label, _ in tabs] for tabs in tab_sets] != versioned.get(page, []):
            problems.append(f"{where}：versions= 围栏的标签页应为 {versioned.get(page, [])}，"
                            f"实际 {[[label for label, _ in tabs] for tabs in tab_sets]}")
        for tabs in tab_sets:
            for label, block in tabs:
                minor = label.removeprefix("Python ")
                ran = re.search(rf"CPython {re.escape(minor)}\.\d+\S* · ", block)
                noted = f"没有安装 CPython {minor}" in block or f"没有在 {minor} 上运行" in block
                if not (ran or noted) or (ran and noted):
                    problems.append(f"{where}：标签页 {label} 里应当恰好有 CPython {minor} 的运行结果或没有输出的说明")
    return problems


def main(site: Path) -> int:
    problems = check(site, Path.cwd() / "docs")
    print("\n".join(problems) or f"{site}：所有片段都渲染出了运行结果")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

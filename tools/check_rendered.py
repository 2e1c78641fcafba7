"""检查构建好的站点里，每个 snippet 围栏都变成了“源码 + 运行结果”，而不是原样留下的代码。

用法：python tools/check_rendered.py <站点目录>
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

import snipexec

ROOT = Path(__file__).resolve().parents[1]


def main(site: Path) -> int:
    results: Counter[Path] = Counter()  # 页面 → 应有的运行结果个数（每个启动方法一个）
    for fence in snipexec.fences(ROOT / "docs"):
        results[fence.page] += len(fence.methods)
    missing = []
    for page, expected in sorted(results.items()):
        stem = page.relative_to(ROOT / "docs").with_suffix("")
        html = site / (stem.parent if stem.name == "index" else stem) / "index.html"
        found = html.read_text("utf-8").count('class="snippet-stamp"') if html.is_file() else 0
        if found < expected:
            missing.append(f"{page.relative_to(ROOT)}：应有 {expected} 个运行结果，实际 {found} 个")
    print("\n".join(missing) or f"{site}：所有片段都渲染出了运行结果")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))

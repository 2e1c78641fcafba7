"""构建基准（nox -s bench）：在项目的临时副本里，同一次运行中测

1. 串行总时长：页面用到的每个片段逐个运行、不用缓存，各自耗时之和；
2. 冷构建：缓存为空（虚拟环境已就绪）；
3. 热构建：什么都没改，应当一个片段都不运行；
4. 改一个片段后的构建：只有它重跑。

输出各项与目标的比值。机器是共享的、有噪声，所以只看同一次运行中的比值。
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import snipexec

ROOT = Path(__file__).resolve().parents[1]
SUMMARY = re.compile(r"snipexec: 运行 (\d+) 个，取自缓存 (\d+) 个，失败 (\d+) 个")


def build(copy: Path) -> tuple[float, str]:
    env = {**os.environ, "SNIPEXEC_ROOT": str(copy), "PYTHONPATH": str(copy / "tools"), "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SNIPEXEC_FRESH", None)
    started = time.perf_counter()
    done = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=copy, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode:
        sys.exit(f"构建失败：\n{done.stderr}")
    summary = SUMMARY.search(done.stderr)
    return elapsed, summary.group(0) if summary else "（没有汇总行）"


def main() -> None:
    with tempfile.TemporaryDirectory(prefix="snipexec-bench-") as tmp:
        copy = Path(tmp)
        for name in ("docs", "snippets", "tools"):
            shutil.copytree(ROOT / name, copy / name, ignore=shutil.ignore_patterns("__pycache__"))
        shutil.copy(ROOT / "mkdocs.yml", copy / "mkdocs.yml")

        planned = snipexec.planned_runs(list(snipexec.fences(copy / "docs")), copy)  # 和构建运行的同一批
        timed = sorted(((snipexec.run(run.snippet, run.method, events=run.events).duration, run.snippet.rel, run.method)
                        for run in planned), reverse=True)
        serial = sum(seconds for seconds, _, _ in timed)

        cold, cold_summary = build(copy)
        warm, warm_summary = build(copy)
        # 改一个普通片段（不是 alone 的）：在开头加一行注释（声明行必须留在末尾）
        edited = next(run.snippet.path for run in planned if not run.snippet.meta.alone)
        edited.write_text("# 基准：改一行\n" + edited.read_text(encoding="utf-8"), encoding="utf-8")
        edit, edit_summary = build(copy)

    rows = [
        ("片段串行总时长", serial, f"{len(planned)} 次运行", ""),
        ("冷构建", cold, cold_summary, f"冷/串行 = {cold / serial:.2f}（目标 ≤ 0.35）"),
        ("热构建", warm, warm_summary, f"热/冷 = {warm / cold:.2f}（目标 ≤ 0.25）"),
        ("改一个片段", edit, edit_summary, f"改/冷 = {edit / cold:.2f}（目标 ≤ 0.40）"),
    ]
    for name, seconds, detail, ratio in rows:
        print(f"{name:<10} {seconds:7.2f} 秒  {ratio:<24} {detail}")
    print("串行最慢的 5 个：" + "，".join(f"{rel}{f'[{m}]' if m else ''} {s:.2f} 秒" for s, rel, m in timed[:5]))
    ok = cold / serial <= 0.35 and warm / cold <= 0.25 and edit / cold <= 0.40 and "运行 0 个" in warm_summary
    print("全部达标" if ok else "未达标")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

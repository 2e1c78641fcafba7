"""Lighthouse（nox -s lighthouse）：构建好的站点用 gzip 压缩在本机提供（和 GitHub Pages 一样），
对几个页面分别按手机和桌面跑 Lighthouse 12.2.3，打印性能、无障碍、最佳实践、SEO 四项得分。

目标：无障碍 100；其余三项桌面 ≥ 95、手机 ≥ 90。全部达标时退出码 0，否则 1。

Lighthouse 的性能分是在模拟的慢网速、慢 CPU（手机：4 倍降速）下由实际的运行轨迹推算的：
在共享的 2 核虚拟机上，别的进程抢 CPU 时分数会掉，所以每个页面、每种设备跑 --runs 次（默认 3），取性能分的中位数
（Lighthouse 文档推荐的做法），每次的分数都打印出来。

需要 node（≥ 18）和 npm：第一次运行时用 npm ci 按 tools/lighthouse/package-lock.json 把固定版本装进 .cache/npm/lighthouse；
浏览器用本机的 Chromium（CHROME_PATH，默认 /usr/bin/chromium），不下载任何浏览器。
"""

from __future__ import annotations

import argparse
import functools
import gzip
import hashlib
import http.server
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
INSTALL = ROOT / ".cache" / "npm" / "lighthouse"
PAGES = ["", "pool/", "lock/", "zombie-orphan/"]  # 首页、DOM 最大的页、时间线最多的页、有状态图的页
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
NAMES = {"performance": "性能", "accessibility": "无障碍", "best-practices": "最佳实践", "seo": "SEO"}
TARGETS = {  # 每种设备、每项的最低分（0–100）
    "mobile": {"performance": 90, "accessibility": 100, "best-practices": 90, "seo": 90},
    "desktop": {"performance": 95, "accessibility": 100, "best-practices": 95, "seo": 95},
}
CHROME_FLAGS = "--headless=new --no-sandbox --disable-gpu --disable-background-networking --disable-component-update --disable-sync"
# GitHub Pages 压缩的类型（它还压缩 xml、txt 等；这里站点只有这些）
COMPRESSED = {".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".map"}


def npm_ci(spec: Path, dest: Path) -> Path:
    """按 spec 目录里的 package.json 和 package-lock.json 把固定版本装进 dest（锁文件没变时什么也不做）。"""
    lock = (spec / "package-lock.json").read_bytes()
    stamp = dest / ".installed"
    digest = hashlib.sha256(lock + (spec / "package.json").read_bytes()).hexdigest()
    if stamp.is_file() and stamp.read_text() == digest:
        return dest / "node_modules"
    npm = shutil.which("npm")
    if npm is None:
        sys.exit("需要 npm（node ≥ 18）来安装固定版本的 Lighthouse：apt-get install npm，或从 nodejs.org 安装 node")
    shutil.rmtree(dest, ignore_errors=True)
    dest.mkdir(parents=True)
    for name in ("package.json", "package-lock.json"):
        shutil.copy(spec / name, dest / name)
    subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=dest, check=True)
    stamp.write_text(digest)
    return dest / "node_modules"


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    """像 GitHub Pages 那样提供静态文件：文本类型按 Accept-Encoding 用 gzip 压缩，缓存 10 分钟。"""

    protocol_version = "HTTP/1.1"  # 保持连接（GitHub Pages 用 HTTP/2，至少不要每个请求重新连接）

    def log_message(self, *args):
        pass

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # 让父类发重定向
            path = path / "index.html"
        if (path.suffix not in COMPRESSED or not path.is_file()
                or "gzip" not in self.headers.get("Accept-Encoding", "")):
            return super().send_head()
        body = _gzipped(path, path.stat().st_mtime_ns)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.send_header("Last-Modified", self.date_time_string(int(path.stat().st_mtime)))
        self.end_headers()
        return io.BytesIO(body)


@functools.lru_cache(maxsize=None)
def _gzipped(path: Path, mtime_ns: int) -> bytes:  # noqa: ARG001 - 修改时间只用来让缓存失效
    return gzip.compress(path.read_bytes(), compresslevel=6, mtime=0)


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def lighthouse(cli: Path, url: str, form: str, out: Path) -> dict[str, int]:
    command = ["node", str(cli), url, "--quiet", "--output=json", f"--output-path={out}",
               f"--only-categories={','.join(CATEGORIES)}", f"--chrome-flags={CHROME_FLAGS}"]
    if form == "desktop":
        command.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": os.environ.get("CHROME_PATH", "/usr/bin/chromium")}
    subprocess.run(command, check=True, env=env, stdout=subprocess.DEVNULL)
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        sys.exit(f"Lighthouse 出错：{url}（{form}）：{report['runtimeError']}")
    return {name: round(report["categories"][name]["score"] * 100) for name in CATEGORIES}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("site", type=Path, help="构建好的站点目录")
    parser.add_argument("--runs", type=int, default=3, help="每个页面、每种设备跑几次，取中位数（默认 3）")
    parser.add_argument("--pages", nargs="*", default=PAGES, help="相对站点根目录的页面（默认：%(default)s）")
    parser.add_argument("--keep", type=Path, help="把每次的 JSON 报告留在这个目录")
    args = parser.parse_args()
    if shutil.which("node") is None:
        sys.exit("需要 node（≥ 18）和 npm 才能运行 Lighthouse")
    cli = npm_ci(HERE, INSTALL) / "lighthouse" / "cli" / "index.js"
    server, base = serve(args.site)
    rows, ok = [], True
    with tempfile.TemporaryDirectory(prefix="lighthouse-") as tmp:
        reports = args.keep or Path(tmp)
        reports.mkdir(parents=True, exist_ok=True)
        for page in args.pages:
            for form in ("mobile", "desktop"):
                runs = []
                for n in range(max(1, args.runs)):
                    name = f"{page.strip('/') or 'index'}-{form}-{n + 1}.json"
                    runs.append(lighthouse(cli, base + page, form, reports / name))
                # 中位数取的是整次运行（按性能分），四项分数来自同一次
                median = sorted(runs, key=lambda r: r["performance"])[len(runs) // 2]
                missed = [n for n in CATEGORIES if median[n] < TARGETS[form][n]]
                ok &= not missed
                each = "、".join(str(r["performance"]) for r in runs)
                rows.append((f"/{page}", form, median, each, missed))
                print(f"/{page:<16} {form:<8} " + "  ".join(f"{NAMES[n]} {median[n]:>3}" for n in CATEGORIES)
                      + (f"  （性能各次：{each}）" if len(runs) > 1 else "")
                      + (f"  未达标：{'、'.join(NAMES[n] for n in missed)}" if missed else ""), flush=True)
    server.shutdown()
    print()
    print("| 页面 | 设备 | " + " | ".join(NAMES[n] for n in CATEGORIES) + " |")
    print("|---|---|" + "---:|" * len(CATEGORIES))
    for page, form, median, _, _ in rows:
        print(f"| `{page}` | {'手机' if form == 'mobile' else '桌面'} | " + " | ".join(str(median[n]) for n in CATEGORIES) + " |")
    print()
    print("全部达标" if ok else "未达标")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

"""构建好的站点：链接和锚点全部有效；在真实浏览器里用中文搜索能找到对应页面。

站点只构建一次（按 Python 版本放在 .cache/ 下，片段结果来自引擎缓存），并且这些测试放在同一个
xdist 组里，由同一个 worker 运行。
"""

from __future__ import annotations

import contextlib
import functools
import html.parser
import http.server
import os
import shutil
import subprocess
import sys
import threading
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.quiet,  # 整站构建自己就并行运行全部片段，不和其他测试抢 CPU
    pytest.mark.skipif(os.environ.get("SITE_TESTS") == "0", reason="站点测试只在 docs 会话所用的 Python 版本上运行"),
]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    # 注意：这里不能持有引擎的共享锁——构建里的 alone 片段要独占锁，会和自己死锁
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "tools"), "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q", "-d", str(out)], cwd=ROOT, env=env,
                           capture_output=True, text=True, timeout=900)
    assert build.returncode == 0, build.stderr[-3000:]
    return out


class Links(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.links: list[str] = []
        self.ids: set[str] = set()
        self.repeated: set[str] = set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            if attrs["id"] in self.ids:
                self.repeated.add(attrs["id"])
            self.ids.add(attrs["id"])
        if tag == "a" and attrs.get("name"):
            self.ids.add(attrs["name"])
        for key in ("href", "src"):
            if attrs.get(key) and not (tag == "link" and attrs.get("rel") in {"canonical", "alternate"}):
                self.links.append(attrs[key])


@functools.lru_cache(maxsize=None)
def parse(path: Path) -> Links:
    parser = Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def target_file(site: Path, page: Path, link: str) -> Path | None:
    url = urllib.parse.urlsplit(link)
    # 404.html 用以站点根为起点的绝对路径（本地构建的 site_url 是根目录）
    base, rel = (site, url.path.lstrip("/")) if url.path.startswith("/") else (page.parent, url.path)
    path = (base / urllib.parse.unquote(rel)).resolve() if url.path else page
    if path.is_dir():
        path = path / "index.html"
    return path if path.is_file() and site.resolve() in path.parents else None


def test_no_broken_links_or_anchors(site):
    broken = []
    pages = sorted(site.rglob("*.html"))
    assert len(pages) >= 10
    for page in pages:
        for link in parse(page).links:
            url = urllib.parse.urlsplit(link)
            if url.scheme or link.startswith(("//", "mailto:", "data:")):
                continue
            target = target_file(site, page, link)
            where = f"{page.relative_to(site)} → {link}"
            if target is None:
                broken.append(f"{where}（目标不存在）")
            elif url.fragment and target.suffix == ".html" and urllib.parse.unquote(url.fragment) not in parse(target).ids:
                broken.append(f"{where}（锚点不存在）")
    assert not broken, "断链：\n" + "\n".join(broken)


def test_ids_are_unique_on_every_page(site):
    # 重复的 id 让锚点和标签页指错地方：标签页、时间线图里的 id 都来自引擎，不止一个时要各不相同
    repeated = {str(page.relative_to(site)): sorted(parse(page).repeated)[:5] for page in sorted(site.rglob("*.html"))}
    assert not {page: ids for page, ids in repeated.items() if ids}


def test_search_index_has_chart_captions_but_not_chart_drawings(site):
    import json

    texts = [doc["text"].replace("\u200b", "") for doc in
             json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]]
    assert any("时间线（本次运行的真实记录）" in text for text in texts)
    assert not [text for text in texts if "从第一条记录算起" in text]  # 时间线图的横轴名


def test_every_example_links_to_its_file(site):
    for page in sorted(site.glob("*/index.html")):
        text = page.read_text(encoding="utf-8")
        shown = text.count('class="filename">snippets/')
        # 按启动方法分标签页的示例，每个标签页各有一个链接
        assert text.count(">下载 ") >= shown, page


# 页面重量的上限（未压缩字节）：HTML 本身，和 HTML + 首次加载要下载的本站样式、脚本、图片。
# 搜索索引只在第一次搜索时由后台 worker 下载，不算在内
PAGE_HTML_LIMIT = 200_000
PAGE_TOTAL_LIMIT = 600_000


class Assets(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.assets.append(attrs["src"])
        elif tag == "link" and attrs.get("rel") == "stylesheet":
            self.assets.append(attrs["href"])
        elif tag == "img" and attrs.get("src"):
            self.assets.append(attrs["src"])


def test_pages_stay_light_and_reference_only_local_assets(site):
    # 唯一的例外不在 HTML 里：有 mermaid 图的页面由 material 的脚本在运行时从 unpkg.com 加载 mermaid（见 README）
    heavy, external = [], []
    for page in sorted(site.rglob("index.html")):
        parser = Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        total = page.stat().st_size
        for asset in dict.fromkeys(parser.assets):
            if urllib.parse.urlsplit(asset).scheme or asset.startswith("//"):
                external.append(f"{page.relative_to(site)} → {asset}")
            elif (target := target_file(site, page, asset)) is not None:
                total += target.stat().st_size
        if page.stat().st_size > PAGE_HTML_LIMIT or total > PAGE_TOTAL_LIMIT:
            heavy.append(f"{page.relative_to(site)}：HTML {page.stat().st_size} 字节，连同样式脚本图片 {total} 字节")
    assert not heavy, "页面太重：\n" + "\n".join(heavy)
    assert not external, "页面引用了别的网站的样式、脚本或图片：\n" + "\n".join(external)


@contextlib.contextmanager
def serve(directory: Path):
    class Quiet(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            pass

    handler = functools.partial(Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()


@pytest.mark.skipif(CHROMIUM is None and not os.environ.get("CI"), reason="没有安装 Chromium（CI 上会安装）")
@pytest.mark.parametrize(("query", "expected"), [("守护进程", "daemon/"), ("管道", "ipc-pipe/")])
def test_chinese_search_finds_the_page(site, query, expected):
    playwright = pytest.importorskip("playwright.sync_api")
    with serve(site) as base, playwright.sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking"])
        try:
            page = browser.new_page()
            page.goto(base + "/")
            page.locator("label.md-search__icon, .md-search__input").first.click()
            # Material 的搜索框响应按键事件：逐字输入；中文字符按 insertText 送入、不产生 keyup，
            # 所以最后再按一次 End（读者用输入法时也会有按键事件）
            box = page.locator(".md-search__input")
            box.press_sequentially(query, delay=50)
            box.press("End")
            first = page.locator(".md-search-result__item a").first
            first.wait_for(timeout=15000)
            href = first.get_attribute("href")
            assert urllib.parse.urlsplit(href).path.endswith(expected), f"搜索 {query} 排第一的是 {href}"
        finally:
            browser.close()


def test_every_fence_rendered_with_a_tab_per_version(site):
    # tools/check_rendered.py：每个围栏都有运行结果；versions= 围栏每个版本一个标签页，里面是那个版本的结果或没有输出的说明
    import check_rendered

    assert check_rendered.check(site, ROOT / "docs") == []

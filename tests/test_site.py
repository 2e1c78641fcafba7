"""构建好的站点：链接和锚点全部有效、只从本站加载资源；在真实浏览器（系统的 Chromium，由 Playwright 驱动）里，
读者输入的查询能找到讲它的页面，axe-core 在浅色和深色主题下都查不出严重的无障碍问题，手机宽度上时间线和输出都看得全。

站点在模块开始时构建一次（片段结果来自引擎缓存）。这些测试标成 quiet，nox -s tests 在并行部分之后逐个运行。
浏览器测试在本地没有 Chromium（或 axe-core 装不上：没有 npm、离线）时跳过并说明原因；在 CI（CI=true）上算失败。
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import html
import html.parser
import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import threading
import time
import urllib.parse
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
pytestmark = [
    pytest.mark.quiet,  # 整站构建自己就并行运行全部片段，不和其他测试抢 CPU
    pytest.mark.skipif(os.environ.get("SITE_TESTS") == "0", reason="站点测试只在 docs 会话所用的 Python 版本上运行"),
]
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
CI = bool(os.environ.get("CI"))


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    # 注意：这里不能持有引擎的共享锁——构建里的 alone 片段要独占锁，会和自己死锁
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
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


def load_hooks():
    """overrides/hooks.py（mkdocs.yml 按路径加载它，它不在导入路径上）。"""
    import importlib.util

    spec = importlib.util.spec_from_file_location("site_hooks", ROOT / "overrides" / "hooks.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def search_index(site: Path) -> list[dict]:
    return json.loads((site / "search" / "search_index.json").read_text(encoding="utf-8"))["docs"]


def test_search_index_has_chart_captions_but_not_chart_drawings(site):
    texts = [doc["text"].replace("\u200b", "") for doc in search_index(site)]
    assert any("时间线（本次运行的真实记录）" in text for text in texts)
    assert not [text for text in texts if "从第一条记录算起" in text]  # 时间线图的横轴名
    assert not [text for text in texts if "时间线数据（每个区间" in text]  # 图的文字版（数据表）
    assert not [text for text in texts if "状态图的文字版" in text or "stateDiagram" in text]


def test_search_index_keeps_prose_but_not_output_stamps_or_long_listings(site):
    # 搜索结果的预览来自索引里的文字：程序输出、运行环境小字、长的源码清单都不该在里面（改之前占了索引的一半）
    hooks = load_hooks()
    docs = search_index(site)
    texts = "\n".join(html.unescape(doc["text"].replace("\u200b", "")) for doc in docs)
    assert "进程池" in texts and "Semaphore" in texts
    assert " · 退出状态 " not in texts and "启动方法 forkserver · " not in texts  # 运行环境小字
    listings = [block for doc in docs for block in re.findall(r"<pre>(.*?)</pre>", doc["text"], re.S)]
    assert listings and max(block.count("\n") for block in listings) <= hooks.LONG_LISTING_LINES + 1
    block_re = re.compile(r'<div class="highlight([^"]*)"[^>]*><span class="filename">([^<]*)</span><pre>(.*?)</pre></div>', re.S)
    outputs, kept = [], []  # 输出的行；页面上留在索引里的部分（正文、短清单）的文字
    for page in sorted(site.rglob("index.html")):
        text = page.read_text(encoding="utf-8")
        for block in block_re.finditer(text):
            output = block[2].startswith("$ ")
            assert output == ("snippet-output" in block[1]), block[2]
            if output:
                body = html.unescape(re.sub(r"<[^>]+>", "", block[3]))
                outputs += [(page.parent.name, block[2], line.strip()) for line in body.splitlines() if len(line.strip()) >= 20]
        prose = block_re.sub(lambda b: "" if b[2].startswith("$ ") else b[0], text)
        kept.append(html.unescape(re.sub(r"<[^>]+>", "", prose)))
    kept_text = "\n".join(kept)
    # 正文引用的、源码里也有的行（比如一句报错）不算：只找仅在输出里出现、却进了索引的行
    leaked = [f"{page}: {title}: {line}" for page, title, line in outputs if line in texts and line not in kept_text]
    assert len(outputs) > 100 and not leaked, "这些输出进了搜索索引：\n" + "\n".join(leaked[:10])


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
    """页面加载时会去取的东西：脚本、样式、图标、预加载、图片、媒体、内嵌框架（导航用的 <a>、canonical 等不算）。"""

    def __init__(self) -> None:
        super().__init__()
        self.assets: list[str] = []
        self.counted: list[str] = []  # 算进页面重量的（首次加载必取的样式、脚本、图片）

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "script" and attrs.get("src"):
            self.counted.append(attrs["src"])
        elif tag == "link" and attrs.get("href") and set((attrs.get("rel") or "").split()) & {
                "stylesheet", "icon", "preload", "modulepreload", "manifest", "apple-touch-icon", "prefetch"}:
            (self.counted if attrs.get("rel") == "stylesheet" else self.assets).append(attrs["href"])
        elif tag in {"img", "source", "video", "audio", "iframe", "embed", "track", "image", "use"}:
            for key in ("src", "href", "xlink:href", "poster", "data"):
                if attrs.get(key):
                    (self.counted if tag == "img" else self.assets).append(attrs[key])
            if attrs.get("srcset"):
                self.assets += [part.split()[0] for part in attrs["srcset"].split(",") if part.strip()]
        if attrs.get("style") and "url(" in attrs["style"]:
            self.assets += CSS_URL.findall(attrs["style"])


CSS_URL = re.compile(r"""url\(\s*['"]?([^'")\s]+)|@import\s+['"]([^'"]+)""")


def external(url: str) -> bool:
    return bool(urllib.parse.urlsplit(url).scheme not in {"", "data"} or url.startswith("//"))


def test_pages_stay_light_and_reference_only_local_assets(site):
    # 所有页面只从本站加载脚本、样式、字体、图片：离线、在加载不了某个 CDN 的地方都一样（状态图在构建时画好）
    heavy, outside = [], []
    for page in sorted(site.rglob("index.html")):
        parser = Assets()
        parser.feed(page.read_text(encoding="utf-8"))
        total = page.stat().st_size
        for asset in dict.fromkeys(parser.counted + parser.assets):
            if external(asset):
                outside.append(f"{page.relative_to(site)} → {asset}")
            elif asset in parser.counted and (target := target_file(site, page, asset)) is not None:
                total += target.stat().st_size
        if page.stat().st_size > PAGE_HTML_LIMIT or total > PAGE_TOTAL_LIMIT:
            heavy.append(f"{page.relative_to(site)}：HTML {page.stat().st_size} 字节，连同样式脚本图片 {total} 字节")
    for sheet in sorted(site.rglob("*.css")):  # 样式表里的字体、图片、@import
        for found in CSS_URL.findall(sheet.read_text(encoding="utf-8")):
            outside += [f"{sheet.relative_to(site)} → {url}" for url in found if url and external(url)]
    assert not heavy, "页面太重：\n" + "\n".join(heavy)
    assert not outside, "页面引用了别的网站的样式、脚本、字体或图片：\n" + "\n".join(outside)


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
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()


# ---------------------------------------------------------------- 浏览器里的测试

def unavailable(reason: str):
    """浏览器测试跑不了：本地跳过并说明原因，CI 上算失败（CI 上该装的都装了，跑不了就是出了问题）。"""
    if CI:
        pytest.fail(f"CI 上浏览器测试必须能运行：{reason}")
    pytest.skip(reason)


@pytest.fixture(scope="module")
def base(site):
    with serve(site) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    if CHROMIUM is None:
        unavailable("没有安装 Chromium（apt-get install chromium fonts-noto-cjk）")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        unavailable("没有安装 Playwright（nox -s tests 会装）")
    with sync_playwright() as p:
        # 只用系统的 Chromium，不下载浏览器；关掉后台联网，测试期间不访问外网
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync"])
        yield chromium
        chromium.close()


def pages(site: Path) -> list[str]:
    """站点里的每个页面（相对站点根目录的路径，首页是空串）。"""
    return sorted(page.parent.relative_to(site).as_posix().removeprefix(".") + "/" for page in site.rglob("index.html")
                  if page.parent != site / "search")


def open_page(browser, base: str, path: str, scheme: str = "light", width: int = 1280, requests: list | None = None):
    """打开一个页面：只放行本站的请求（别的网站一律拦下，记在 requests 里），等 material 的脚本和本站的小脚本做完。"""
    context = browser.new_context(color_scheme=scheme, viewport={"width": width, "height": 800})
    page = context.new_page()

    def route(request):
        if request.request.url.startswith(base):
            request.continue_()
        else:
            if requests is not None:
                requests.append(f"{path} → {request.request.url}")
            request.abort()

    page.route("**/*", route)
    page.goto(base + path.lstrip("/"))
    page.wait_for_load_state("load")
    page.evaluate("() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))")
    return page


def test_every_page_loads_only_from_the_site(site, base, browser):
    # 运行时也一样：页面上的脚本不去别的网站取任何东西（以前有状态图的页面会去 unpkg.com 取 mermaid）
    outside: list[str] = []
    for path in pages(site):
        page = open_page(browser, base, path, requests=outside)
        page.wait_for_timeout(300)  # 给懒加载的东西一点时间
        page.context.close()
    assert not outside, "页面去别的网站取了东西：\n" + "\n".join(outside)


def test_state_diagram_is_drawn_without_network(base, browser):
    # 僵尸进程页的状态图：离线（只放行本站）也是一张图，不是一段源码
    for scheme in ("light", "dark"):
        page = open_page(browser, base, "zombie-orphan/", scheme=scheme, width=390)
        figure = page.locator("figure.state-diagram")
        box = figure.locator("svg").bounding_box()
        assert box and box["height"] > 250 and box["width"] <= 390
        assert page.locator("pre.mermaid, .mermaid").count() == 0
        assert "stateDiagram" not in page.locator("article").inner_text()
        for state in ("已创建", "运行中", "僵尸", "已回收"):
            assert figure.locator("text", has_text=state).count() >= 1
        assert page.locator("details.figure-data li").count() == 7  # 文字版：每个转换一行
        page.context.close()


# ---------------------------------------------------------------- 搜索

# 读者会输入的查询，和讲它的页面（相对站点根目录）。只写一个页面：它必须排第一；
# 写几个页面（空格隔开）：这几页都讲到，其中之一排进前三就算找到。有新页面时在这里加一行。
SEARCHES = [
    # 查询                 讲它的页面
    ("进程池",             "pool/"),
    ("死锁",               "lock/ patterns/ start-methods/"),
    ("守护进程",           "daemon/"),
    ("僵尸进程",           "zombie-orphan/"),
    ("孤儿进程",           "zombie-orphan/"),
    ("共享内存",           "shared-state/ resource-tracker/"),
    ("互斥锁",             "lock/"),
    ("管道",               "ipc-pipe/"),
    ("队列",               "ipc-queue/"),
    ("信号量",             "sync/"),
    ("启动方法",           "start-methods/"),
    ("进程号",             "pid/"),
    ("内存隔离",           "isolation/"),
    ("创建进程",           "create/"),
    ("选哪种并发",         "choose/"),
    ("哨兵",               "patterns/"),
    ("Process 对象",       "process-object/"),
    ("Semaphore",          "sync/"),
    ("Pool.map",           "pool/"),
    ("getppid",            "pid/"),
    ("Queue",              "ipc-queue/"),
    ("join",               "join/"),
    ("fork",               "start-methods/ migrate-314/"),
    ("forkserver",         "start-methods/ pid/ isolation/"),
    ("ProcessPoolExecutor", "pool/"),
    ("imap_unordered",     "pool/"),
    ("terminate",          "process-object/"),
    ("Manager",            "shared-state/ remote-managers/"),
    ("GIL",                "choose/"),
    ("Barrier",            "sync/"),
    # 2026 新课：每页用它标题里的词能找到
    ("迁移",               "migrate-314/"),
    ("交互式",             "interactive/"),
    ("子解释器",           "subinterpreters/ choose/"),
    ("interpreters",       "subinterpreters/ choose/"),
    ("cancel_futures",     "executor-lifecycle/"),
    ("BrokenProcessPool",  "executor-lifecycle/ pool/"),
    ("喂数据线程",         "queue-lifecycle/"),
    ("cancel_join_thread", "queue-lifecycle/"),
    ("泄漏",               "resource-tracker/"),
    ("resource_tracker",   "resource-tracker/"),
    ("authkey",            "remote-managers/"),
    ("Listener",           "remote-managers/"),
    ("调试",               "debugging/"),
    ("faulthandler",       "debugging/"),
    ("freeze_support",     "platforms/"),
    ("macOS",              "platforms/ start-methods/ versions/"),
    # 带下划线和驼峰的名字：索引把它们切成几段，切出的每一段都得在结果里（讲 ProcessPoolExecutor 的 pool/ 不该
    # 排在讲 InterpreterPoolExecutor 的页面前面）
    ("InterpreterPoolExecutor", "subinterpreters/"),
    ("terminate_workers",  "executor-lifecycle/"),
    ("set_start_method",   "start-methods/ migrate-314/"),
    ("get_context",        "start-methods/ migrate-314/"),
    ("SharedMemory",       "shared-state/ resource-tracker/"),
    ("BaseManager",        "remote-managers/"),
    ("set_forkserver_preload", "migrate-314/"),
    ("max_tasks_per_child", "pool/"),
    ("remote_exec",        "debugging/"),
]

RESULTS_JS = """() => [...document.querySelectorAll('.md-search-result__item')].map(item => {
    const link = item.querySelector('a');
    return [link ? link.getAttribute('href') : '', item.innerText.replaceAll('\u200b', '')];
})"""


@pytest.fixture(scope="module")
def search_page(base, browser):
    page = open_page(browser, base, "")
    page.locator("label.md-search__icon, .md-search__input").first.click()
    yield page
    page.context.close()


def search(page, query: str) -> list[tuple[str, str]]:
    """像读者一样输入查询（真实的按键事件：material 的搜索框对按键作出反应，只填值没有用），返回结果列表。"""
    box = page.locator(".md-search__input")
    box.focus()
    box.press("Control+a")
    box.press("Backspace")
    page.wait_for_function("() => !document.querySelector('.md-search-result__item')", timeout=15000)
    # 逐字输入；中文字符按 insertText 送入、不产生 keyup，所以最后再按一次 End（读者用输入法时也有按键事件）
    box.press_sequentially(query, delay=40)
    box.press("End")
    # 每次按键都会更新结果：等到结果连续 0.6 秒不变
    previous, since, deadline = None, time.monotonic(), time.monotonic() + 20
    while time.monotonic() < deadline:
        current = page.evaluate(RESULTS_JS)
        if current != previous:
            previous, since = current, time.monotonic()
        elif current and time.monotonic() - since > 0.6:
            return [(urllib.parse.urljoin(page.url, href), text) for href, text in current]
        page.wait_for_timeout(100)
    pytest.fail(f"搜索 {query!r} 20 秒内没有稳定的结果：{previous}")


@pytest.mark.parametrize(("query", "expected"), SEARCHES, ids=[query for query, _ in SEARCHES])
def test_search_finds_the_page_that_teaches_it(base, search_page, query, expected):
    results = search(search_page, query)
    ranked = list(dict.fromkeys(urllib.parse.urlsplit(href).path.removeprefix(urllib.parse.urlsplit(base).path)
                                for href, _ in results))
    wanted = expected.split()
    within = 1 if len(wanted) == 1 else 3
    assert set(ranked[:within]) & set(wanted), f"搜索 {query!r}：前 {within} 个是 {ranked[:within]}，应当有 {wanted}"
    # 排第一的结果里真有这个词（修改前“死锁”被切成“死”，九个结果里没有一个含“死锁”）
    assert query.lower() in results[0][1].lower(), f"搜索 {query!r} 的第一个结果里没有它：{results[0][1][:200]}"


# ---------------------------------------------------------------- 无障碍（axe-core）

AXE_SPEC = ROOT / "tests" / "axe"  # package.json 和 package-lock.json：axe-core 的固定版本和它的完整性哈希
AXE_INSTALL = ROOT / ".cache" / "npm" / "axe"


@pytest.fixture(scope="module")
def axe_source() -> str:
    """axe-core 的脚本：第一次用 npm ci 按锁文件装进 .cache/npm/axe（npm 校验包的完整性哈希），之后直接用。"""
    lock = (AXE_SPEC / "package-lock.json").read_bytes() + (AXE_SPEC / "package.json").read_bytes()
    stamp, script = AXE_INSTALL / ".installed", AXE_INSTALL / "node_modules" / "axe-core" / "axe.min.js"
    digest = hashlib.sha256(lock).hexdigest()
    if not (stamp.is_file() and stamp.read_text() == digest and script.is_file()):
        npm = shutil.which("npm")
        if npm is None:
            unavailable("没有 npm，装不了 axe-core（apt-get install npm；nox -s tests 第一次运行时会用 npm 装好它）")
        shutil.rmtree(AXE_INSTALL, ignore_errors=True)
        AXE_INSTALL.mkdir(parents=True)
        for name in ("package.json", "package-lock.json"):
            shutil.copy(AXE_SPEC / name, AXE_INSTALL / name)
        done = subprocess.run([npm, "ci", "--no-audit", "--no-fund", "--ignore-scripts"], cwd=AXE_INSTALL,
                              capture_output=True, text=True, timeout=300)
        if done.returncode != 0 or not script.is_file():
            unavailable(f"npm ci 没能装上 axe-core（离线？）：{done.stderr.strip()[-500:]}")
        stamp.write_text(digest)
    return script.read_text(encoding="utf-8")


def axe_violations(page, axe: str) -> list[str]:
    if not page.evaluate("() => typeof axe !== 'undefined'"):
        page.add_script_tag(content=axe)
    found = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]
    return [f"{rule['id']}（{rule['impact']}）{node['target']}：{node['failureSummary'].splitlines()[-1].strip()[:160]}"
            for rule in found for node in rule["nodes"] if node["impact"] in {"serious", "critical"}]


# 两种主题各查一遍每个页面；深色主题用手机宽度，宽屏和窄屏的排版也各查到一次
@pytest.mark.parametrize(("scheme", "width"), [("light", 1280), ("dark", 390)])
def test_no_serious_accessibility_violations(site, base, browser, axe_source, scheme, width):
    problems = []
    for path in pages(site):
        page = open_page(browser, base, path, scheme=scheme, width=width)
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == ("slate" if scheme == "dark" else "default")
        problems += [f"/{path.lstrip('/')}: {problem}" for problem in axe_violations(page, axe_source)]
        page.context.close()
    assert not problems, f"axe（{scheme}，{width} px）：\n" + "\n".join(problems)


def contrast(a: str, b: str) -> float:
    """两个 CSS rgb()/rgba() 颜色的对比度（WCAG 2）。"""
    def luminance(color: str) -> float:
        r, g, b = (int(v) / 255 for v in re.findall(r"[\d.]+", color)[:3])
        return sum(k * (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4)
                   for k, c in zip((0.2126, 0.7152, 0.0722), (r, g, b)))
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


CHART_PAGES = ["lock/", "pool/"]  # 有等待/持有锁、进程池任务的时间线


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("width", [390, 1280])
def test_timelines_are_readable_and_have_a_text_alternative(base, browser, scheme, width):
    for path in CHART_PAGES:
        page = open_page(browser, base, path, scheme=scheme, width=width)
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        figures = page.locator("figure.snippet-timeline")
        assert figures.count() >= 1, path
        for i in range(figures.count()):
            figure = figures.nth(i)
            figure.scroll_into_view_if_needed()
            shown = figure.locator("svg.timeline-narrow" if width < 720 else "svg.timeline-wide")
            hidden = figure.locator("svg.timeline-wide" if width < 720 else "svg.timeline-narrow")
            assert shown.is_visible() and not hidden.is_visible()
            # 整张图（连同图例和坐标轴）都在屏幕里，不用横向滚动
            box = shown.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= width + 0.5, (path, i, box)
            assert figure.evaluate("el => el.scrollWidth <= el.clientWidth + 1")
            for text in shown.locator("text").all():
                edge = text.bounding_box()
                assert edge["x"] >= -0.5 and edge["x"] + edge["width"] <= width + 0.5, (path, i, text.inner_text())
            # 图注是图的名字；文字版是折叠的数据表，每个色块一行
            caption = figure.locator("figcaption").inner_text().strip()
            assert caption.startswith("时间线")
            from playwright.sync_api import expect

            expect(figure).to_have_accessible_name(caption)
            bars = shown.locator("rect[class^=tl-] title").count()
            rows = figure.locator("details.timeline-data tbody tr").count()
            assert rows == bars > 0, (path, i)
            # 色块和背景至少 3:1（图形对象的要求）
            fills = set(shown.locator("rect[class^=tl-]").evaluate_all("els => els.map(e => getComputedStyle(e).fill)"))
            weak = {fill: round(contrast(fill, background), 2) for fill in fills if contrast(fill, background) < 3}
            assert not weak, f"{path} 时间线 {i}：色块和背景 {background} 的对比度不够：{weak}"
        page.context.close()


def test_output_wraps_on_a_phone_and_the_copy_button_stays_clear(base, browser):
    # 390 px 宽：输出自动换行，不被截断、不用横向滚动；复制按钮在标题栏里，不压住任何一行
    for scheme in ("light", "dark"):
        page = open_page(browser, base, "pool/", scheme=scheme, width=390)
        blocks = page.locator(".snippet-output")
        assert blocks.count() >= 10
        for i in range(blocks.count()):
            block = blocks.nth(i)
            if not block.is_visible():
                continue  # 没选中的标签页
            block.scroll_into_view_if_needed()
            code = block.locator("pre > code")
            assert code.evaluate("el => el.scrollWidth <= el.clientWidth + 1"), f"第 {i} 个输出要横向滚动"
            button = block.locator(".md-code__nav")
            button.wait_for(timeout=5000)  # content.lazy：滚到眼前才装上
            nav, text = button.bounding_box(), code.evaluate("""el => {
                const box = el.getBoundingClientRect(), style = getComputedStyle(el);
                return {top: box.top + parseFloat(style.paddingTop) + scrollY, right: box.right}
            }""")
            assert nav["y"] + nav["height"] <= text["top"] + 0.5, f"第 {i} 个输出：复制按钮压在第一行上"
        page.context.close()


def test_keyboard_reaches_scrolling_regions_and_tabs_show_focus(base, browser):
    page = open_page(browser, base, "pool/", width=390)
    # 每个能横向滚动的区域都能用 Tab 到达（自己可聚焦，或里面有可聚焦的东西）
    unreachable = page.evaluate("""() => [...document.querySelectorAll('article *')].filter(el => {
        const style = getComputedStyle(el);
        if (!/(auto|scroll)/.test(style.overflowX) || el.scrollWidth <= el.clientWidth + 1) return false;
        return el.tabIndex < 0 && !el.querySelector('a[href], button, input, [tabindex]:not([tabindex="-1"])');
    }).map(el => el.className || el.tagName)""")
    assert not unreachable, unreachable
    # 标签页：键盘焦点落在选项上时，它的标签有一圈轮廓（不只是变颜色）
    tabs = page.locator(".tabbed-set").first
    tabs.scroll_into_view_if_needed()
    tabs.locator("input").first.focus()
    page.keyboard.press("ArrowRight")  # 键盘操作之后 :focus-visible 才成立
    focused = page.evaluate("""() => {
        const input = document.activeElement, set = input.closest('.tabbed-set');
        const index = [...set.querySelectorAll(':scope > input')].indexOf(input);
        const label = set.querySelectorAll('.tabbed-labels > label')[index];
        const style = getComputedStyle(label);
        return {tag: input.tagName, index, outline: style.outlineStyle, width: parseFloat(style.outlineWidth)}
    }""")
    assert focused["tag"] == "INPUT" and focused["index"] == 1
    assert focused["outline"] not in {"none", ""} and focused["width"] >= 1.5, focused
    # 正文里的链接有下划线，不靠颜色区分
    underline = page.locator("article p a[href]:not(.headerlink)").first.evaluate("el => getComputedStyle(el).textDecorationLine")
    assert "underline" in underline
    page.context.close()


def test_every_fence_rendered_with_a_tab_per_version(site):
    # snipexec.rendered：每个围栏都有运行结果；versions= 围栏每个版本一个标签页，里面是那个版本的结果或没有输出的说明
    from snipexec import rendered

    assert rendered.check(site, ROOT / "docs") == []

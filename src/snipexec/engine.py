"""调度：一轮构建要用的结果从缓存取、或在线程池里并行运行，并用检查函数核对；构建结束时输出汇总、清掉过期缓存。

一“轮”是一次构建经过的所有围栏。进程里的第一轮（``mkdocs build``、``mkdocs serve`` 的第一次构建）是完整的：
渲染第一个围栏时扫描 docs/，把全部片段提交给线程池；全部围栏渲染完时输出汇总，删掉没用到的缓存。
之后的几轮（``mkdocs serve`` 的重建）和 ``--dirty`` 构建只渲染一部分页面：不预先提交，每个围栏只取它自己的结果
（改过的片段这时才运行，没改的取自缓存），渲染停下 2 秒后输出这一轮的汇总。轮次不靠数围栏推断。
"""

from __future__ import annotations

import atexit
import contextlib
import dataclasses
import importlib.util
import json
import logging
import os
import subprocess
import sys
import threading
from concurrent.futures import CancelledError, Future, ThreadPoolExecutor, wait
from pathlib import Path

from . import search, timeline
from .cache import STATE_DIR, Cache, files_digest, result_key
from .claims import claim_failure_message, claims, verified
from .interpreters import Interpreter, find_interpreter
from .model import Absent, Result, Snippet, SnippetError, failure_message, problems
from .plan import FenceOptions, fence_jobs, planned_runs
from .rounds import Round
from .runner import kill_tree, run

log = logging.getLogger("mkdocs.snipexec")
IDLE_SECONDS = 2.0  # 渲染停下这么久，部分构建的一轮就算结束


def interruptible_result(future: Future):
    """future.result()，但每 0.1 秒回到解释器一次：Ctrl-C 的 SIGINT 常常落在别的线程（线程池、读输出的线程）上，
    只等一个锁的主线程不会被它唤醒，要等到那个片段跑完才处理 KeyboardInterrupt（实测一个 30 秒的片段就拖了 30 秒）。"""
    while True:
        try:
            return future.result(timeout=0.1)
        except TimeoutError:
            continue


class Engine:
    """一个项目（root）的片段引擎：MkDocs 或 Zensical 的一个构建进程里只有一个（见 fence.engine()）。"""

    def __init__(self, root: Path, jobs: int | None = None, fresh: bool | None = None) -> None:
        self.root = root
        self.cache = Cache(root / STATE_DIR / "cache")
        self.claims = claims(root)
        self.fresh = os.environ.get("SNIPEXEC_FRESH") == "1" if fresh is None else fresh
        # 大多数片段的时间花在 sleep 和等待子进程上，CPU 用得很少：线程数是核心数的几倍，
        # 等待才能重叠起来（2 核上 12 个比 6 个，冷构建快约四分之一）；计时敏感的 alone 片段仍然独占
        self.jobs = jobs or int(os.environ.get("SNIPEXEC_JOBS", 0)) or 4 * (os.cpu_count() or 1) + 4
        self.lock = threading.Lock()
        self.interpreters_lock = threading.Lock()
        self.running: dict[str, subprocess.Popen] = {}  # 正在运行的片段：运行标记 → 最外层进程
        self.round: Round | None = None
        self.rounds = 0
        self.rendering = 0  # 正在渲染的围栏数
        self.idle_timer: threading.Timer | None = None
        self._new_pool()
        # 解释器退出时（Ctrl-C、构建出错）中止：否则退出前线程池要把正在运行的、排队的片段全部跑完。
        # concurrent.futures 在等线程池的线程之前，先调用经 threading._register_atexit 登记的函数；没有时退回 atexit
        getattr(threading, "_register_atexit", atexit.register)(self.at_exit)

    def _new_pool(self) -> None:
        self.pool = ThreadPoolExecutor(self.jobs)
        self.stopping = threading.Event()  # 属于这个线程池：中止后换新的线程池，旧线程池的任务仍看到已中止
        self.futures: dict[str, Future] = {}

    # ------------------------------------------------------------ 轮次

    def _open_round(self) -> Round:
        """扫描 docs/ 开始新的一轮。第一轮（不是 --dirty 时）把全部片段提交给线程池。

        顺序有讲究：alone 片段最先、一个接一个地跑，此时机器上没有别的片段，也还没有加载 jieba；
        其余片段等它们跑完再开始；然后按 MkDocs 读页面的顺序运行，渲染线程可以边等边转换已经就绪的页面。
        """
        self.rounds += 1
        prefetch = self.rounds == 1 and "--dirty" not in sys.argv
        self.round = current = Round(self.root / "docs", prefetch)
        self.cache.forget_usage()
        if prefetch:
            for planned in planned_runs(current.fences, self.root, self.interpreter):
                future, _ = self.submit(planned.snippet, planned.method, planned.python)
                if planned.snippet.meta.alone:
                    current.alone.append(future)
            if importlib.util.find_spec("jieba") is not None:
                # 片段在子进程里运行时，构建进程基本空闲：趁这时加载 jieba 词典（1–1.5 秒，占着 GIL 和一个核心），
                # 等 alone 片段跑完再加载，不去抢它们要量的 CPU
                alone = list(current.alone)
                threading.Thread(target=lambda: (wait(alone), search.load_jieba()), daemon=True).start()
        return current

    def start_round(self, name: str | None = None, place: tuple[int, int] | None = None) -> Round:
        """当前这一轮；没有、或者这个围栏在本轮已经渲染过（又一次构建开始了）时，开始新的一轮。

        place 是 (渲染它的 Markdown 实例的编号, 它在页面上是第几个围栏)。
        """
        with self.lock:
            current = self.round
            if current is not None and place is not None:
                renderers = current.seen.setdefault((name, place[1]), set())
                if place[0] not in renderers and len(renderers) >= max(1, current.places[(name, place[1])]):
                    self._close_round(current, complete=False)
                    current = None
            current = current or self._open_round()
            if place is not None:
                current.seen.setdefault((name, place[1]), set()).add(place[0])
            return current

    def _close_round(self, current: Round, complete: bool) -> None:
        """输出这一轮的汇总；完整的一轮成功结束时清掉没用到的缓存。调用者持有 self.lock。"""
        if self.round is not current:
            return
        self.round = None
        self.futures = {}
        removed = self.cache.remove_stale() if complete and current.prefetch else 0
        log.info(current.summary(removed))

    def _idle(self, current: Round) -> None:
        with self.lock:
            if self.rendering == 0:
                self._close_round(current, complete=False)

    def interpreter(self, minor: str) -> Interpreter | None:
        """versions= 要的某个版本的解释器；每轮只查询一次，没装是 None（汇总行会列出来）。"""
        current = self.round
        with self.interpreters_lock:
            if minor not in current.interpreters:
                current.interpreters[minor] = find_interpreter(minor)
            return current.interpreters[minor]

    # ------------------------------------------------------------ 取得结果

    def submit(self, snippet: Snippet, method: str | None, python: Interpreter) -> tuple[Future, str]:
        """提交一次取结果（同一个缓存键只提交一次）；返回它的 Future 和缓存键。调用者持有 self.lock。"""
        events = snippet.name in self.round.recording
        key = result_key(snippet, method, events, python)
        if key not in self.futures:
            self.futures[key] = self.pool.submit(self._fetch, self.round, snippet, method, python, key, events,
                                                 self.stopping)
        return self.futures[key], key

    def _fetch(self, current: Round, snippet: Snippet, method: str | None, python: Interpreter, key: str,
               events: bool, stopping: threading.Event) -> Result:
        """一个（片段, 解释器, 启动方法）的结果：取自缓存或运行，并用检查函数核对——放上页面的每个结果都核对过。"""
        claim = self.claims.require(snippet.name)
        text = None if self.fresh else self.cache.read(f"{key}.json")
        first = None
        if text is not None:
            first = Result(**{**json.loads(text), "cached": True})
            self._count(current, "cached")
        runs = []

        def attempt() -> Result:
            if runs or first is not None:  # 前一个结果（或缓存的结果）检查不成立
                self._count(current, "retried")
            runs.append(self._run(current, snippet, method, python, events, stopping))
            return runs[-1]

        result, failure = verified(snippet, claim, attempt, first)
        if failure is not None:
            self._count(current, "failed")
            raise SnippetError(claim_failure_message(snippet, result, failure, current.pages_using.get(snippet.name, [])))
        if not result.cached and not problems(snippet, result):  # 只缓存符合预期的结果：失败的片段下次一定重跑
            self.cache.write(f"{key}.json", json.dumps(dataclasses.asdict(result), ensure_ascii=False))
            if events:
                self.chart_html(snippet, result, key)
        return result

    def _count(self, current: Round, what: str) -> None:
        with self.lock:
            current.stats[what] += 1

    def _run(self, current: Round, snippet: Snippet, method: str | None, python: Interpreter, events: bool,
             stopping: threading.Event) -> Result:
        if not snippet.meta.alone:
            wait(current.alone)  # 见 _open_round：独占的片段先跑完
        if stopping.is_set():  # 构建已中止（abort()），不再开始新的运行
            raise CancelledError
        tokens = []

        def on_start(proc: subprocess.Popen, token: str) -> None:
            with self.lock:
                self.running[token] = proc
            tokens.append(token)
            if stopping.is_set():  # abort() 恰好在进程启动前做完
                kill_tree(proc, token)

        try:
            result = run(snippet, method, events=events, on_start=on_start, python=python)
        finally:
            with self.lock:
                for token in tokens:
                    self.running.pop(token, None)
        if stopping.is_set():
            raise CancelledError  # 被 abort() 杀掉的：不算数，也不缓存
        with self.lock:
            current.stats["run"] += 1
            current.stats["failed"] += bool(problems(snippet, result))
            version = "" if python == Interpreter.current() else f"{python.version} "  # 构建用的版本不写
            current.timings.append((result.duration, f"{snippet.rel}[{version}{result.start_method}]"))
        return result

    @contextlib.contextmanager
    def rendering_fence(self, name: str, options: FenceOptions, place: tuple[int, int] | None = None):
        """渲染一个围栏的全过程：进入时给出 results_for 的结果，退出时（HTML 也写好了）才算这个围栏渲染完——
        完整的一轮在最后一个围栏写完之后才结束、清理缓存。"""
        with self.lock:
            if self.idle_timer:
                self.idle_timer.cancel()
            self.rendering += 1
        try:
            yield self.results_for(name, options, place)
            with self.lock:
                current = self.round
                if current is not None:
                    current.rendered[name] += 1
                    if current.prefetch and current.complete:
                        self._close_round(current, complete=True)
        finally:
            with self.lock:
                self.rendering -= 1
                if self.round is not None and self.rendering == 0:
                    self.idle_timer = threading.Timer(IDLE_SECONDS, self._idle, (self.round,))
                    self.idle_timer.daemon = True
                    self.idle_timer.start()

    def results_for(self, name: str, options: FenceOptions,
                    place: tuple[int, int] | None = None) -> tuple[Snippet, list[Result | Absent], list[str]]:
        """一个围栏每个标签页的结果（或说明没有输出的 Absent）和时间线图（不画时是空串）。

        结果不符合预期、或与页面的说法不符，就抛 SnippetError，构建失败。
        """
        pages: list[str] = []
        try:
            current = self.start_round(name, place)
            pages = current.pages_using.get(name, [])
            snippet = Snippet.load(name, self.root)
            self.claims.require(snippet.name)  # 没运行的（requires=、没装的版本）也要有：换个版本构建时就会用到
            jobs = fence_jobs(snippet, options, self.interpreter)
            # 每个标签页：没有输出的说明（versions= 里没装的、低于 requires= 的版本），或 (Future, 缓存键)。
            # 普通围栏的片段需要更新的版本时一个结果也没有，页面注明需要哪个版本
            slots: list[Absent | tuple[Future, str]] = []
            with self.lock:
                for method, python, minor in jobs:
                    if python is None:
                        slots.append(Absent(minor, missing=True))
                    elif not snippet.meta.runnable_on(python.version_info):
                        slots += [Absent(minor, missing=False)] if options.versions else []
                    else:
                        slots.append(self.submit(snippet, method, python))
            results = [slot if isinstance(slot, Absent) else interruptible_result(slot[0]) for slot in slots]
            for result in results:
                if isinstance(result, Result) and problems(snippet, result):
                    raise SnippetError(failure_message(snippet, result, pages))
            charts = [self.chart_html(snippet, result, slot[1]) if options.chart and isinstance(result, Result) else ""
                      for result, slot in zip(results, slots)]
        except SnippetError as error:
            self.fail()
            if pages and not all(page in str(error) for page in pages):
                raise SnippetError(f"{error}（页面 {', '.join(pages)}）") from None
            raise
        return snippet, results, charts

    def chart_html(self, snippet: Snippet, result: Result, key: str) -> str:
        """时间线图（HTML），按结果的缓存键和画法（timeline.py）存放：没改动的重建不再画，只改画法时不重跑片段。"""
        name = f"{key}.{files_digest(Path(timeline.__file__))[:8]}.svg.html"
        current = self.round
        cached = self.cache.read(name)
        if cached is not None and (result.cached or (current is not None and key in current.drawn)):
            return cached  # 之前的构建或本轮的线程池已经画好
        chart = timeline.svg(result.events)
        if not chart:
            raise SnippetError(f"{snippet.rel}：要求画时间线，但没有记录到任何进程事件")
        html = (f'<figure class="snippet-timeline">{chart}'
                f"<figcaption>{timeline.caption(timeline.lanes(result.events))}</figcaption></figure>\n")
        self.cache.write(name, html)
        if current is not None:
            current.drawn.add(key)
        return html

    def site_prefix(self, name: str) -> str:
        """从用到片段的页面的网址回到站点根目录的相对路径（use_directory_urls：join.md → /join/ → "../"）。

        内嵌转换出来的 HTML 不经过 MkDocs 的链接改写，所以这里自己算；构建后的链接检查会兜底。
        """
        pages = self.round.pages_using.get(name, []) if self.round else []
        depths = {len(parts) - (parts[-1] in {"index", "README"}) for parts in (p[: -len(".md")].split("/") for p in pages)}
        if len(depths) > 1:
            raise SnippetError(f"片段 {name} 用在不同层级的页面上：{pages}，无法生成统一的下载链接")
        return "../" * (depths.pop() if depths else 1)

    # ------------------------------------------------------------ 结束

    def abort(self) -> None:
        """构建失败或解释器退出（比如 Ctrl-C）：排队的运行不再开始，正在运行的片段连同整棵进程树马上杀掉。"""
        self.stopping.set()
        self.pool.shutdown(wait=False, cancel_futures=True)
        with self.lock:
            running = list(self.running.items())
        for token, proc in running:
            kill_tree(proc, token)

    def fail(self) -> None:
        """一个围栏失败：中止这一轮，输出汇总，换新的线程池（mkdocs serve 还会再构建）。"""
        self.abort()
        with self.lock:
            if self.round is not None:
                self._close_round(self.round, complete=False)
            self._new_pool()

    def at_exit(self) -> None:
        self.abort()
        with self.lock:
            if self.round is not None:
                self._close_round(self.round, complete=False)

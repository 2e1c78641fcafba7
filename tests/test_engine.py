"""引擎 snipexec（src/snipexec/）的单元测试：每个都在临时项目里，用专门写的小片段触发一种情况。"""

from __future__ import annotations

import dataclasses
import os
import re
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

import snipexec
import snipexec.fence
import snipexec.search
from snipexec import engine as engine_module
from snipexec import runner

ROOT = Path(__file__).resolve().parents[1]


def write(root: Path, name: str, code: str, claim: str | None = "pass") -> snipexec.Snippet:
    """在临时项目 root 里写一个片段；放在主题目录下的还配一个检查函数（默认什么也不查：这里测的是引擎，不是页面）。"""
    path = root / "snippets" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(textwrap.dedent(code), encoding="utf-8")
    if "/" in name and claim is not None:
        write_claim(root, name, claim)
    return snipexec.Snippet.load(path, root)


def write_claim(root: Path, name: str, body: str) -> None:
    """片段 name 的检查函数（替换同名的旧函数）。"""
    topic, function = snipexec.claim_key(name)
    module = root / "tests" / "snippets" / f"{topic}.py"
    module.parent.mkdir(parents=True, exist_ok=True)
    old = module.read_text(encoding="utf-8") if module.is_file() else ""
    kept = re.sub(rf"^def {function}\(result\):\n(?:    .*\n|\n)*", "", old, flags=re.MULTILINE)
    module.write_text(kept + f"def {function}(result):\n" + textwrap.indent(textwrap.dedent(body).strip(), "    ") + "\n\n",
                      encoding="utf-8")


def results(engine: snipexec.Engine, name: str, **options) -> tuple[snipexec.Snippet, list]:
    """渲染一个围栏时引擎交出的片段和结果（不要时间线图）。"""
    with engine.rendering_fence(name, snipexec.FenceOptions(**options)) as (snippet, found, _):
        return snippet, found


def rendered(engine: snipexec.Engine, name: str, options: snipexec.FenceOptions, place=None) -> tuple:
    """渲染完一个围栏（像 snipexec.fence.render 那样）时引擎交出的片段、结果和时间线图。"""
    with engine.rendering_fence(name, options, place) as found:
        return found


def alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return False
    return state != "Z"


CHILD_PRINTS = """
    import multiprocessing as mp

    def child():
        print("child line")

    if __name__ == "__main__":
        p = mp.Process(target=child)
        p.start()
        p.join()
        print("parent line")
"""


@pytest.mark.parametrize("method", snipexec.METHODS)
def test_forced_start_method_is_what_the_snippet_sees(tmp_path, method):
    # 片段自己调用 set_start_method() 也照常生效：引擎改的是平台默认值
    snippet = write(tmp_path, "m.py", """
        import multiprocessing as mp

        if __name__ == "__main__":
            print(mp.get_start_method())
            mp.set_start_method("spawn", force=True)
            print(mp.get_start_method())
    """)
    assert snipexec.run(snippet, method).lines == [method, "spawn"]


@pytest.mark.parametrize("method", snipexec.METHODS)
def test_child_output_is_captured_in_order(tmp_path, method):
    snippet = write(tmp_path, "a.py", CHILD_PRINTS)
    result = snipexec.run(snippet, method)
    assert result.lines == ["child line", "parent line"]
    assert result.returncode == 0 and result.start_method == method
    assert not snipexec.problems(snippet, result)


def test_interleaved_children_keep_whole_lines(tmp_path):
    snippet = write(tmp_path, "lines.py", """
        import multiprocessing as mp

        def child(tag):
            for i in range(300):
                print(f"{tag} line {i} " + "x" * 40)

        if __name__ == "__main__":
            ps = [mp.Process(target=child, args=(t,)) for t in "ABC"]
            for p in ps: p.start()
            for p in ps: p.join()
    """)
    result = snipexec.run(snippet)
    assert len(result.lines) == 900
    assert all(len(line) == len("A line 0 ") + 40 + len(line.split()[2]) - 1 for line in result.lines), "行被截断了"


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="按 /proc 检查进程")
def test_sleeping_child_times_out_and_leaves_no_process(tmp_path):
    snippet = write(tmp_path, "hang.py", """
        import os, time, multiprocessing as mp

        def sleeper():
            os.setsid()  # 另立会话：杀进程组杀不到它
            print("grandchild", os.getpid(), flush=True)
            time.sleep(60)

        if __name__ == "__main__":
            p = mp.Process(target=sleeper)
            p.start()
            print("parent", os.getpid(), flush=True)
            p.join()
        # snippet: timeout=1.5
    """)
    started = time.monotonic()
    result = snipexec.run(snippet)
    assert time.monotonic() - started < 5
    assert result.timed_out
    assert any("超时" in p for p in snipexec.problems(snippet, result))
    pids = [int(line.split()[1]) for line in result.lines if line.split()[0] in {"parent", "grandchild"}]
    assert len(pids) == 2
    time.sleep(0.2)
    assert not [pid for pid in pids if alive(pid)]
    assert "hang.py" in snipexec.failure_message(snippet, result)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="按 /proc 检查进程")
def test_descendant_left_running_is_killed_and_reported(tmp_path):
    snippet = write(tmp_path, "stray.py", """
        import os, subprocess, sys
        # 关掉输出、另立会话、父进程直接退出：一个典型的“甩掉了”的后代
        subprocess.Popen([sys.executable, "-c", "import time; time.sleep(60)"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        print("bye")
    """)
    result = snipexec.run(snippet)
    assert result.leftovers == 1
    assert any("留下" in p for p in snipexec.problems(snippet, result))


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="按 /proc 检查进程")
def test_descendant_caught_mid_exec_is_still_found(monkeypatch):
    """Popen 返回时子进程可能还在 exec：内核设好新环境之前，/proc/<pid>/environ 读出来是空的。
    扫描要等它设好再读，不能把它漏掉（漏掉时“留下进程”检查悄悄放过，进程留在机器上）。"""
    from snipexec import runner

    child = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(30)"],
                             env={**os.environ, runner.contract.RUN: "mid-exec"})
    try:
        real, reads = runner.read_proc, []

        def read_proc(pid, name):  # 前三次读这个进程的环境都像 exec 还没完成时那样是空的
            if pid == str(child.pid) and name == "environ" and len(reads) < 3:
                reads.append(pid)
                return b""
            return real(pid, name)

        monkeypatch.setattr(runner, "read_proc", read_proc)
        assert runner.pids_with_token("mid-exec") == [child.pid] and len(reads) == 3
    finally:
        child.kill()
        child.wait()


def test_crash_fails_naming_file_and_error(tmp_path):
    snippet = write(tmp_path, "topic/crash.py", "print('start')\nraise ValueError('boom')\n")
    result = snipexec.run(snippet)
    assert result.returncode == 1
    message = snipexec.failure_message(snippet, result, ["topic.md"])
    assert "snippets/topic/crash.py" in message and "ValueError: boom" in message and "topic.md" in message
    # 回溯里的路径相对于项目根目录，不泄露构建机路径
    assert str(tmp_path) not in result.output and 'File "snippets/topic/crash.py"' in result.output


def test_expected_exception(tmp_path):
    good = write(tmp_path, "good.py", "import queue\nraise queue.Empty\n# snippet: raises=queue.Empty\n")
    assert snipexec.problems(good, snipexec.run(good)) == []
    wrong = write(tmp_path, "wrong.py", "raise KeyError('x')\n# snippet: raises=queue.Empty\n")
    assert snipexec.problems(wrong, snipexec.run(wrong))


def test_expected_failure_that_succeeds_fails(tmp_path):
    snippet = write(tmp_path, "ok.py", "print('fine')\n# snippet: raises=queue.Empty\n")
    found = snipexec.problems(snippet, snipexec.run(snippet))
    assert any("退出状态 0" in p for p in found)
    code = write(tmp_path, "code.py", "print('fine')\n# snippet: exit=3\n")
    assert snipexec.problems(code, snipexec.run(code))


def test_unknown_declaration_raises(tmp_path):
    with pytest.raises(snipexec.SnippetError, match="timout"):
        write(tmp_path, "typo.py", "# snippet: timout=3\n")


def test_declaration_goes_last_so_traceback_line_numbers_match_the_page(tmp_path):
    with pytest.raises(snipexec.SnippetError, match="末尾"):
        write(tmp_path, "first.py", "# snippet: raises=KeyError\nraise KeyError(1)\n")
    snippet = write(tmp_path, "last.py", '"""说明。"""\n\nraise KeyError(1)\n\n# snippet: raises=KeyError\n')
    result = snipexec.run(snippet)
    assert not snipexec.problems(snippet, result)
    assert 'line 3, in <module>' in result.output
    shown = snippet.shown_source.splitlines()
    assert shown[2] == "raise KeyError(1)" and "snippet:" not in snippet.shown_source


def test_events_are_recorded_only_when_asked(tmp_path):
    snippet = write(tmp_path, "a.py", CHILD_PRINTS)
    assert snipexec.run(snippet).events == []
    kinds = {event[2] for event in snipexec.run(snippet, events=True).events}
    assert kinds == {"start", "end"}


def test_harness_frames_are_elided_from_tracebacks(tmp_path):
    frame = (f'  File "{snipexec.CHILD_SITE}/sitecustomize.py", line 145, in setstate_with_mark\n'
             "    setstate(self, state)\n    ^^^^^^^^^^^^^^^^^^^^^\n")
    text = ('Traceback (most recent call last):\n  File "a.py", line 3, in <module>\n    main()\n'
            + frame + "FileNotFoundError: [Errno 2] No such file or directory\n")
    elided = runner.elide(text, str(tmp_path / "work"), tmp_path)
    assert "sitecustomize" not in elided and "setstate(self" not in elided
    assert elided.startswith("Traceback") and 'File "a.py", line 3' in elided and "    main()\n" in elided
    assert elided.endswith("FileNotFoundError: [Errno 2] No such file or directory\n")


def test_snippet_sees_ctrl_c_as_in_a_terminal_even_if_the_build_ignores_it(tmp_path):
    # nohup、后台任务、某些 CI 会让构建进程忽略 SIGINT，子进程默认继承；片段的最外层进程要像在终端里一样
    snippet = write(tmp_path, "sigint.py", """
        import signal, multiprocessing as mp

        def child(q):
            q.put(signal.getsignal(signal.SIGINT) is signal.SIG_IGN)

        if __name__ == "__main__":
            print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
            signal.signal(signal.SIGINT, signal.SIG_IGN)  # 片段自己的设置照常传给子进程
            q = mp.Queue()
            p = mp.Process(target=child, args=(q,))
            p.start()
            print(q.get())
            p.join()
    """)
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        for method in snipexec.METHODS:
            assert snipexec.run(snippet, method).lines == ["True", "True"], method
    finally:
        signal.signal(signal.SIGINT, previous)


def test_output_flood_is_bounded(tmp_path):
    snippet = write(tmp_path, "flood.py", "while True:\n    print('x' * 1000)\n")
    result = snipexec.run(snippet)
    assert result.overflowed and len(result.output) < snipexec.OUTPUT_LIMIT + 200
    assert snipexec.problems(snippet, result)


def test_stdin_closed_and_files_stay_out_of_the_repo(tmp_path):
    snippet = write(tmp_path, "io.py", """
        import os
        open("written.txt", "w").write("x")
        print(os.path.exists("written.txt"))
        input("?")
        # snippet: raises=EOFError
    """)
    result = snipexec.run(snippet)
    assert not snipexec.problems(snippet, result)
    assert not list(tmp_path.rglob("written.txt"))


def make_site(root: Path, code: str = "print('hi')\n") -> None:
    write(root, "t/a.py", code)
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "page.md").write_text("# p\n\n```snippet\nt/a.py\n```\n", encoding="utf-8")


def test_unchanged_rebuild_runs_nothing_and_edit_invalidates(tmp_path):
    make_site(tmp_path)
    first = snipexec.Engine(tmp_path, fresh=False)
    results(first, "t/a.py")
    assert first.round is None  # 页面上唯一的围栏渲染完：这一轮结束，汇总已输出
    second = snipexec.Engine(tmp_path, fresh=False)
    _, [result] = results(second, "t/a.py")
    assert result.cached and result.output == "hi\n"
    make_site(tmp_path, "print('edited')\n")
    third = snipexec.Engine(tmp_path, fresh=False)
    _, [result] = results(third, "t/a.py")
    assert not result.cached and result.output == "edited\n"


def render_page(text: str, **highlight) -> str:
    """像 MkDocs 那样：每个页面一个新的 Markdown 实例，snippet 围栏交给 snipexec.fence.render。"""
    import markdown

    return markdown.Markdown(
        extensions=["pymdownx.highlight", "pymdownx.tabbed", "pymdownx.superfences"],
        extension_configs={
            "pymdownx.highlight": highlight,
            "pymdownx.tabbed": {"alternate_style": True},
            "pymdownx.superfences": {"custom_fences": [
                {"name": "snippet", "class": "snippet", "validator": snipexec.fence.validate, "format": snipexec.fence.render}]},
        },
    ).convert(text)


def test_rendered_fence_is_reused_until_something_it_depends_on_changes(tmp_path, monkeypatch):
    import markdown_exec

    make_site(tmp_path)
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
    page = (tmp_path / "docs" / "page.md").read_text(encoding="utf-8")
    first = render_page(page)
    assert "hi" in first and "snippet-1-" not in first  # 没有标签页时，id 前缀用不上
    converted = []
    real = markdown_exec.base_format
    monkeypatch.setattr(markdown_exec, "base_format", lambda **kw: converted.append(1) or real(**kw))
    assert render_page(page) == first and converted == []  # 什么都没变：不再转换
    render_page(page, css_class="other")  # Markdown 扩展的配置变了
    assert len(converted) == 1
    # 同一个缓存键下的结果变了（SNIPEXEC_FRESH 重跑后输出不同）：也要重新转换
    [cached] = (tmp_path / ".snipexec" / "cache").glob("*.json")
    cached.write_text(cached.read_text(encoding="utf-8").replace("hi", "bye"), encoding="utf-8")
    assert "bye" in render_page(page) and len(converted) == 2
    make_site(tmp_path, "print('edited')\n")  # 片段改了
    assert "edited" in render_page(page) and len(converted) == 3


def test_tab_ids_are_unique_per_page_and_stable(tmp_path, monkeypatch):
    make_site(tmp_path)
    page = '```snippet methods="fork spawn"\nt/a.py\n```\n\n```snippet methods="fork spawn"\nt/a.py\n```\n'
    (tmp_path / "docs" / "page.md").write_text(page, encoding="utf-8")
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
    html = render_page(page)
    ids = re.findall(r'id="([^"]+)"', html)
    assert len(ids) == len(set(ids)) == 4  # 两个围栏，各两个标签页
    assert {i.split("__")[0] for i in ids} == {"snippet-1-", "snippet-2-"}
    assert render_page(page) == html  # 第二次全部取自缓存，id 不变


def test_timeline_is_drawn_once_beside_the_run_and_cached(tmp_path, monkeypatch):
    from snipexec import timeline

    drawn = []
    real_svg = timeline.svg
    monkeypatch.setattr(timeline, "svg", lambda events: drawn.append(1) or real_svg(events))
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("```snippet timeline\nt/a.py\n```\n", encoding="utf-8")
    snippet = write(tmp_path, "t/a.py", CHILD_PRINTS)
    _, [result], [html] = rendered(snipexec.Engine(tmp_path, fresh=True), "t/a.py", snipexec.FenceOptions(chart=True))
    [chart] = (tmp_path / ".snipexec" / "cache").glob(f"{snipexec.result_key(snippet, None, events=True)}.*.svg.html")
    # 线程池跑完片段就画好了，渲染时只读文件：只画了一次
    assert "<svg" in html and html == chart.read_text(encoding="utf-8") and len(drawn) == 1
    engine = snipexec.Engine(tmp_path, fresh=False)
    _, [again], [html] = rendered(engine, "t/a.py", snipexec.FenceOptions(chart=True))
    assert again.cached and html == chart.read_text(encoding="utf-8") and len(drawn) == 1  # 重建不再画
    # 只改了画法（timeline.py）：用缓存的运行结果重画，不重跑片段
    changed = tmp_path / "timeline.py"
    changed.write_text(Path(timeline.__file__).read_text(encoding="utf-8") + "\n# 改了画法\n", encoding="utf-8")
    monkeypatch.setattr(timeline, "__file__", str(changed))
    monkeypatch.setattr(timeline, "svg", lambda events: "<svg>新画的</svg>")
    _, [third], [html] = rendered(snipexec.Engine(tmp_path, fresh=False), "t/a.py", snipexec.FenceOptions(chart=True))
    assert third.cached and "新画的" in html


STAMPED = """
    import time
    print("start", time.monotonic())
    time.sleep(0.3)
    print("end", time.monotonic())
"""


def test_alone_snippets_run_first_and_by_themselves(tmp_path):
    (tmp_path / "docs").mkdir()
    # 页面上普通片段在前：没有第一轮开始时的排序和等待，它会先跑、和 alone 片段同时跑
    (tmp_path / "docs" / "page.md").write_text("```snippet\nt/shared.py\n```\n\n```snippet\nt/quiet.py\n```\n")
    write(tmp_path, "t/shared.py", STAMPED)
    write(tmp_path, "t/quiet.py", STAMPED + "\n    # snippet: alone\n")
    engine = snipexec.Engine(tmp_path, fresh=True)
    times = {}
    for name in ("t/shared.py", "t/quiet.py"):
        _, [result] = results(engine, name)
        times[name] = {line.split()[0]: float(line.split()[1]) for line in result.lines}
    assert times["t/quiet.py"]["end"] <= times["t/shared.py"]["start"], times


def test_pages_in_the_order_mkdocs_reads_them(tmp_path):
    docs = tmp_path / "docs"
    for name in ("b.md", "a.md", "index.md", "sub/c.md", "sub/README.md", "notes.txt"):
        (docs / name).parent.mkdir(parents=True, exist_ok=True)
        (docs / name).write_text("x")
    assert [p.relative_to(docs).as_posix() for p in snipexec.pages_in_build_order(docs)] == [
        "index.md", "a.md", "b.md", "sub/README.md", "sub/c.md"]


def test_jieba_preload_reads_the_cache_in_one_piece_and_leaves_jieba_as_it_was(monkeypatch):
    jieba = pytest.importorskip("jieba")
    import marshal

    jieba.initialize()  # 保证缓存文件存在
    monkeypatch.setattr(jieba.dt, "initialized", False)
    calls = []
    monkeypatch.setattr(marshal, "loads", lambda data, loads=marshal.loads: calls.append(len(data)) or loads(data))
    snipexec.search.load_jieba()
    assert calls and calls[0] > 1_000_000  # 整个缓存文件一次读入（读坏了 jieba 会悄悄从词典重建，这里会看出来）
    assert jieba.dt.initialized and jieba.marshal is marshal
    assert jieba.lcut("守护进程和僵尸进程") == ["守护", "进程", "和", "僵尸", "进程"]


def test_imported_helper_is_part_of_the_key(tmp_path):
    helper = tmp_path / "snippets" / "t" / "helper.py"
    helper.parent.mkdir(parents=True)
    helper.write_text("X = 1\n")
    snippet = write(tmp_path, "t/user.py", "import helper\nprint(helper.X)\n")
    before = snipexec.result_key(snippet, None)
    helper.write_text("X = 2\n")
    assert snipexec.result_key(snippet, None) != before


def test_each_rebuild_is_a_fresh_round(tmp_path, monkeypatch):
    # mkdocs serve 在同一个进程里反复构建：上一轮的页面、时间线名单不能带进下一轮
    make_site(tmp_path)
    engine = snipexec.Engine(tmp_path, fresh=False)
    results(engine, "t/a.py")
    assert engine.rounds == 1 and engine.round is None  # 第一轮完整：页面上唯一的围栏渲染完就结束
    (tmp_path / "docs" / "more.md").write_text("```snippet\nt/a.py\n```\n", encoding="utf-8")
    results(engine, "t/a.py")  # 之后的一轮（mkdocs serve 的重建）看到的是新的页面
    assert engine.rounds == 2 and engine.round.pages_using == {"t/a.py": ["more.md", "page.md"]}
    monkeypatch.setattr(engine_module, "IDLE_SECONDS", 0.05)
    rendered(engine, "t/a.py", snipexec.FenceOptions(), (7, 1))
    rendered(engine, "t/a.py", snipexec.FenceOptions(), (8, 1))  # 同一个位置，另一个页面：还是这一轮
    rendered(engine, "t/a.py", snipexec.FenceOptions(), (9, 1))  # 第三次：又一次构建开始了
    assert engine.rounds == 3
    time.sleep(0.5)
    assert engine.round is None  # 渲染停下：部分构建的这一轮结束


def test_summary_counts(tmp_path, caplog):
    make_site(tmp_path)
    engine = snipexec.Engine(tmp_path, fresh=True)
    with caplog.at_level("INFO", logger="mkdocs.snipexec"):
        results(engine, "t/a.py")
    assert "运行 1 个，取自缓存 0 个，失败 0 个" in caplog.text


def test_missing_snippet_names_page(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "lost.md").write_text("```snippet\nnope/missing.py\n```\n")
    with pytest.raises(snipexec.SnippetError, match=r"missing\.py.*lost\.md"):
        results(snipexec.Engine(tmp_path), "nope/missing.py")


MKDOCS_YML = """
site_name: t
markdown_extensions:
  - pymdownx.superfences:
      custom_fences:
        - name: snippet
          class: snippet
          validator: !!python/name:snipexec.fence.validate
          format: !!python/name:snipexec.fence.render
"""


def mkdocs_env(root: Path, **extra: str) -> dict[str, str]:
    """在 root 这个临时项目里运行 mkdocs build 的环境：引擎是测试环境里装好的包。"""
    return {**os.environ, "SNIPEXEC_ROOT": str(root), "NO_MKDOCS_2_WARNING": "1", **extra}


@pytest.mark.parametrize(("code", "expected"), [
    ("raise ValueError('boom')\n", "ValueError: boom"),
    ("import time, multiprocessing as mp\n"
     "if __name__ == '__main__':\n    p = mp.Process(target=time.sleep, args=(30,))\n    p.start(); p.join()\n"
     "# snippet: timeout=1\n", "超时"),
])
def test_mkdocs_build_fails_naming_file_and_page(tmp_path, code, expected):
    make_site(tmp_path, code)
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML)
    started = time.monotonic()
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp_path, env=mkdocs_env(tmp_path),
                           capture_output=True, text=True, timeout=60)
    assert build.returncode != 0
    assert "snippets/t/a.py" in build.stderr and "page.md" in build.stderr and expected in build.stderr
    assert "site-packages" not in build.stderr  # 一条清楚的消息，而不是 MkDocs 自己的回溯
    assert time.monotonic() - started < 20


SLOW_WITH_CHILD = """
    import sys, time, multiprocessing as mp

    if __name__ == "__main__":
        p = mp.Process(target=time.sleep, args=(30,))
        p.start()
        p.join()
    # snippet: timeout=60
"""


def _processes_under(path: Path) -> list[int]:
    """命令行里带着 path 的进程（片段及其子进程：spawn 出来的子进程命令行里也有片段路径，fork 出来的照抄父进程的）。"""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
        except OSError:
            continue
        if str(path).encode() in cmdline and alive(int(pid)) and int(pid) != os.getpid():
            found.append(int(pid))
    return found


def _slow_site(root: Path, queued: int) -> None:
    write(root, "t/slow.py", SLOW_WITH_CHILD)
    for i in range(queued):
        write(root, f"t/queued_{i}.py", "import time\ntime.sleep(1)\n")
    fences = "".join(f"```snippet\nt/{name}.py\n```\n\n" for name in ["slow", *(f"queued_{i}" for i in range(queued))])
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "page.md").write_text(fences, encoding="utf-8")
    (root / "mkdocs.yml").write_text(MKDOCS_YML)
    (root / "tmp").mkdir()


def _interrupt_while_slow_runs(root: Path, proc: subprocess.Popen) -> None:
    """等 t/slow.py 跑起来后发 SIGINT：进程要在 5 秒内退出，不留下片段的进程和临时文件（TMPDIR 是 root/tmp）。"""
    deadline = time.monotonic() + 30
    while not _processes_under(root / "snippets" / "t" / "slow.py"):
        assert proc.poll() is None and time.monotonic() < deadline, "片段没有开始运行"
        time.sleep(0.05)
    proc.send_signal(signal.SIGINT)
    interrupted = time.monotonic()
    proc.wait(timeout=60)
    assert time.monotonic() - interrupted < 5  # 不等正在运行的片段跑完，也不再运行排队的
    assert proc.returncode != 0
    time.sleep(0.2)
    assert not _processes_under(root)
    assert not list((root / "tmp").glob("snipexec-*"))  # 片段的临时工作目录、时间线记录都删掉了


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="按 /proc 检查进程")
def test_ctrl_c_stops_the_build_at_once_and_leaves_nothing(tmp_path):
    # 一个要跑 30 秒的片段（带子进程）正在运行，另有 20 个在排队（只有 2 个线程）：Ctrl-C 后构建应当马上结束
    _slow_site(tmp_path, queued=20)
    # 像在终端里一样让 SIGINT 变成 KeyboardInterrupt（测试进程本身可能忽略了 SIGINT，子进程会继承）
    code = ("import runpy, signal, sys; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "sys.argv = ['mkdocs', 'build', '-q']; runpy.run_module('mkdocs', run_name='__main__')")
    build = subprocess.Popen([sys.executable, "-c", code], cwd=tmp_path,
                             env=mkdocs_env(tmp_path, SNIPEXEC_JOBS="2", TMPDIR=str(tmp_path / "tmp")),
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _interrupt_while_slow_runs(tmp_path, build)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="按 /proc 检查进程")
def test_interpreter_exit_kills_running_snippets(tmp_path):
    # 中断落在别处（不在等结果的时候），解释器直接开始退出：线程池退出前会等正在运行的片段，引擎要先把它们杀掉
    _slow_site(tmp_path, queued=5)
    code = ("import signal, sys, time; signal.signal(signal.SIGINT, signal.default_int_handler); "
            "import snipexec; "
            "from pathlib import Path; engine = snipexec.Engine(Path(sys.argv[1]), jobs=2, fresh=True); engine.start_round(); "
            "[time.sleep(0.1) for _ in range(300)]")  # 短短地睡：SIGINT 落在别的线程上时，主线程醒来才处理它
    script = subprocess.Popen([sys.executable, "-c", code, str(tmp_path)],
                              env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    _interrupt_while_slow_runs(tmp_path, script)


def test_requires_newer_python_is_not_run(tmp_path):
    snippet = write(tmp_path, "t/new.py", "raise SystemExit(5)\n# snippet: requires=3.99\n")
    assert not snippet.meta.runnable_here
    make_site(tmp_path)
    (tmp_path / "docs" / "page.md").write_text("```snippet\nt/new.py\n```\n")
    engine = snipexec.Engine(tmp_path, fresh=True)
    _, found = results(engine, "t/new.py")
    assert found == [] and not (tmp_path / ".snipexec" / "cache").exists()  # 什么也没运行
    assert "需要 Python 3.99" in snipexec.fence.results_markdown(snippet, found)


def test_injected_sitecustomize_is_precompiled_and_current(tmp_path):
    # 片段进程不写 .pyc；没有预先编译好的，每个 Python 进程启动都要重新编译 sitecustomize（本机约 6 毫秒）
    import importlib.util

    source = snipexec.CHILD_SITE / "sitecustomize.py"
    pyc = Path(importlib.util.cache_from_source(str(source)))
    pyc.unlink(missing_ok=True)
    runner.compile_child_site.cache_clear()
    assert snipexec.run(write(tmp_path, "a.py", "print('hi')\n")).output == "hi\n"
    header = pyc.read_bytes()[:16]
    flags = int.from_bytes(header[4:8], "little")
    if flags == 0:  # 按修改时间校验的 .pyc：导入时与源文件的修改时间和大小比较，一致才用
        stat = source.stat()
        assert header[8:16] == (int(stat.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little") + (stat.st_size & 0xFFFFFFFF).to_bytes(4, "little")
    else:  # 按内容哈希校验（设置了 SOURCE_DATE_EPOCH 时）
        assert header[8:16] == importlib.util.source_hash(source.read_bytes())


# ---------------------------------------------------------------- versions=：每个版本一个标签页

CURRENT = "{}.{}".format(*sys.version_info[:2])
INSTALLED = [minor for minor in snipexec.VERSIONS if snipexec.find_python(minor)]
OTHER = [minor for minor in INSTALLED if minor != CURRENT]
NOT_CURRENT = next(minor for minor in snipexec.VERSIONS if minor != CURRENT)

WHO_RUNS = """
    import multiprocessing as mp, platform

    def child():
        print("child", platform.python_version())

    if __name__ == "__main__":
        print("parent", platform.python_version(), mp.get_start_method())
        p = mp.Process(target=child)
        p.start()
        p.join()
"""


def versions_site(root: Path, versions: str, code: str = WHO_RUNS) -> str:
    write(root, "t/v.py", code)
    page = f'```snippet versions="{versions}"\nt/v.py\n```\n'
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "page.md").write_text(page, encoding="utf-8")
    return page


@pytest.mark.skipif(not OTHER, reason="只装了一个 CPython 3.11–3.15")
def test_versions_fence_renders_one_tab_per_version_each_run_by_that_interpreter(tmp_path, monkeypatch):
    versions = [OTHER[0], CURRENT]
    page = versions_site(tmp_path, " ".join(versions))
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=True))
    html = render_page(page)
    labels = re.findall(r'<label for="[^"]*">([^<]*)</label>', html)
    assert labels == [f"Python {minor}" for minor in versions]
    for minor in versions:
        python = snipexec.find_interpreter(minor)
        # 输出来自那个版本（父进程和子进程都是），环境戳写的是真正运行它的解释器和它的默认启动方法
        assert f"parent {python.version} {python.start_method}" in html and f"child {python.version}" in html
        assert f"CPython {python.version} · " in html and f"启动方法 {python.start_method} · " in html
        expected = "forkserver" if python.version_info >= (3, 14) else "fork"
        assert python.start_method == expected or not sys.platform.startswith("linux")


def test_interpreter_discovery_and_query():
    assert snipexec.find_python(CURRENT) == sys.executable
    assert snipexec.find_interpreter(CURRENT) == snipexec.Interpreter.current()
    for minor in OTHER:
        python = snipexec.find_interpreter(minor)
        assert python.minor == minor and python.sys_version.startswith(python.version)
        assert Path(python.stdlib, "os.py").is_file()


def test_missing_interpreter_tab_says_so_and_the_build_goes_on(tmp_path, monkeypatch, caplog):
    # 模拟一台没装 NOT_CURRENT 的机器：PATH 上、pyenv 里都找不到它
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "no-pyenv"))
    assert snipexec.find_python(NOT_CURRENT) is None and snipexec.find_interpreter(NOT_CURRENT) is None
    page = versions_site(tmp_path, f"{NOT_CURRENT} {CURRENT}")
    engine = snipexec.Engine(tmp_path, fresh=True)
    monkeypatch.setattr(snipexec.fence, "_engine", engine)
    with caplog.at_level("INFO", logger="mkdocs.snipexec"):
        html = render_page(page)
    assert f"构建本站时没有安装 CPython {NOT_CURRENT}" in html and "因此这里没有输出" in html
    assert f"parent {platform_version()}" in html  # 装了的版本照常运行
    assert len(re.findall(r'<label for="[^"]*">', html)) == 2
    assert f"没有安装 CPython {NOT_CURRENT}" in caplog.text and "运行 1 个" in caplog.text


def platform_version() -> str:
    import platform

    return platform.python_version()


def test_versions_and_methods_do_not_combine(tmp_path):
    with pytest.raises(snipexec.SnippetError, match="不能同时写 versions= 和 methods="):
        snipexec.fence.validate("snippet", {"versions": "3.14", "methods": "fork"}, {}, {}, None)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "p.md").write_text('```snippet versions="3.13" methods="fork"\nt/a.py\n```\n')
    with pytest.raises(snipexec.SnippetError, match="不能同时写"):
        list(snipexec.fences(tmp_path / "docs"))


@pytest.mark.parametrize("value", ["3.10", "3.16", "3.14 3.14", "", "3.14,3.15", "314"])
def test_versions_option_is_validated(value):
    with pytest.raises(snipexec.SnippetError, match="versions="):
        snipexec.fence.validate("snippet", {"versions": value}, {}, {}, None)


def test_version_qualified_expectations(tmp_path):
    snippet = write(tmp_path, "q.py", """
        print("x")
        # snippet: exit=0
        # snippet[<3.12]: raises=AttributeError
        # snippet[>=3.12,<3.13]: exit=4
        # snippet[==3.13]: raises=AttributeError
    """)
    meta = snippet.meta
    assert meta.expected((3, 11)) == ("AttributeError", 1)
    assert meta.expected((3, 12)) == (None, 4)
    assert meta.expected((3, 13)) == ("AttributeError", 1)
    assert meta.expected((3, 14)) == meta.expected((3, 15)) == (None, 0)
    assert "snippet" not in snippet.shown_source  # 带条件的声明行同样不显示


@pytest.mark.parametrize("lines", [
    "# snippet[<3.14]: timeout=3",  # 只有 raises= 和 exit= 能按版本写
    "# snippet[<3.14]: raises=A exit=2",  # 一行只写一个
    "# snippet[<3.14]:",
    "# snippet[3.14]: exit=1",  # 没有运算符
    "# snippet[<=>3.14]: exit=1",
    "# snippet[<3.14 ]: exit=x",
    "# snippet[<4.1]: exit=1",
    "# snippet[]: exit=1",
    "# snippet[<3.14]: exit=1\n# snippet[<3.13]: exit=2",  # 3.12 同时符合两行
])
def test_bad_version_qualified_declarations_raise(tmp_path, lines):
    with pytest.raises(snipexec.SnippetError):
        write(tmp_path, "bad.py", f"print(1)\n{lines}\n")


def test_version_qualified_expectation_applies_to_the_version_that_ran(tmp_path):
    # Process.interrupt() 3.14 起才有：3.13 及更早抛 AttributeError，3.14 起正常退出
    code = """
        import multiprocessing as mp, time

        if __name__ == "__main__":
            p = mp.Process(target=time.sleep, args=(0.2,))
            p.start()
            p.interrupt()
            p.join()
            print("exitcode", p.exitcode)
    """
    right = write(tmp_path, "right.py", code + "    # snippet[<3.14]: raises=AttributeError\n")
    result = snipexec.run(right)
    assert result.python == sys.version_info[:2]
    assert not snipexec.problems(right, result), result.output
    wrong = write(tmp_path, "wrong.py", code + "    # snippet[>=3.14]: raises=AttributeError\n")
    assert snipexec.problems(wrong, snipexec.run(wrong))
    for minor in OTHER:  # 其他装了的版本上各自按自己的那一行判断
        python = snipexec.find_interpreter(minor)
        assert not snipexec.problems(right, snipexec.run(right, python=python)), minor
        assert snipexec.problems(wrong, snipexec.run(wrong, python=python)), minor


def test_requires_in_a_versions_fence_notes_the_older_tabs(tmp_path, monkeypatch):
    older = f"3.{sys.version_info[1] - 1}" if sys.version_info[:2] > (3, 11) else None
    if older is None or not snipexec.find_python(older):
        pytest.skip("需要比当前版本早一个的 CPython")
    page = versions_site(tmp_path, f"{older} {CURRENT}", f"print('new')\n# snippet: requires={CURRENT}\n")
    engine = snipexec.Engine(tmp_path, fresh=True)
    monkeypatch.setattr(snipexec.fence, "_engine", engine)
    html = render_page(page)
    assert f"这个示例需要 Python {CURRENT}+，没有在 {older} 上运行" in html and "new" in html


def test_cache_key_differs_by_interpreter(tmp_path):
    snippet = write(tmp_path, "k.py", "print(1)\n")
    here = snipexec.Interpreter.current()
    patched = dataclasses.replace(here, sys_version=here.sys_version + " (另一次编译)")
    assert snipexec.result_key(snippet, None, python=here) == snipexec.result_key(snippet, None)
    assert snipexec.result_key(snippet, None, python=patched) != snipexec.result_key(snippet, None)  # 同一版本号，不同的构建也算不同
    assert snipexec.result_key(snippet, "spawn", python=here) != snipexec.result_key(snippet, None, python=here)
    for minor in OTHER:
        assert snipexec.result_key(snippet, None, python=snipexec.find_interpreter(minor)) != snipexec.result_key(snippet, None)


def test_planned_runs_count_versioned_runs_once_per_interpreter(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "empty"))
    monkeypatch.setenv("PYENV_ROOT", str(tmp_path / "no-pyenv"))
    versions_site(tmp_path, f"{NOT_CURRENT} {CURRENT}")
    with open(tmp_path / "docs" / "page.md", "a") as page:  # 同一个片段在构建用的版本上另有一个普通围栏：同一次运行
        page.write("\n```snippet\nt/v.py\n```\n")
    runs = snipexec.planned_runs(list(snipexec.fences(tmp_path / "docs")), tmp_path)
    assert [(run.snippet.name, run.python.minor) for run in runs] == [("t/v.py", CURRENT)]


@pytest.mark.skipif(not OTHER, reason="只装了一个 CPython 3.11–3.15")
def test_mkdocs_build_has_a_tab_per_version_with_output_or_the_note(tmp_path):
    from snipexec import rendered

    # 这台“构建机”上只有构建用的版本和 OTHER[0]；第三个版本没装
    (tmp_path / "bin").mkdir()
    (tmp_path / "bin" / f"python{OTHER[0]}").symlink_to(snipexec.find_python(OTHER[0]))
    absent = next(minor for minor in snipexec.VERSIONS if minor not in {CURRENT, OTHER[0]})
    versions = [OTHER[0], absent, CURRENT]
    versions_site(tmp_path, " ".join(versions))
    # 和站点一样用 attr_list（环境戳的 class）和 tabbed 的新写法
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML.replace("markdown_extensions:\n", "markdown_extensions:\n"
                                         "  - attr_list\n  - pymdownx.tabbed: {alternate_style: true}\n"))
    env = mkdocs_env(tmp_path, PATH=str(tmp_path / "bin"), PYENV_ROOT=str(tmp_path / "no-pyenv"))
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build"], cwd=tmp_path, env=env,
                           capture_output=True, text=True, timeout=120)
    assert build.returncode == 0, build.stderr
    assert f"没有安装 CPython {absent}" in build.stderr and "运行 2 个" in build.stderr
    assert rendered.check(tmp_path / "site", tmp_path / "docs") == []
    [tabs] = rendered.version_tabs((tmp_path / "site" / "page" / "index.html").read_text(encoding="utf-8"))
    assert [label for label, _ in tabs] == [f"Python {minor}" for minor in versions]
    assert f"没有安装 CPython {absent}" in tabs[1][1] and "parent" not in tabs[1][1]
    # 反过来：把一个标签页的结果换成别的版本的，检查要能看出来
    broken = tmp_path / "site" / "page" / "index.html"
    broken.write_text(broken.read_text(encoding="utf-8").replace(f"CPython {OTHER[0]}.", f"CPython {CURRENT}."),
                      encoding="utf-8")
    assert rendered.check(tmp_path / "site", tmp_path / "docs")


# ---------------------------------------------------------------- 检查函数核对放上页面的每个结果

def counted(root: Path) -> str:
    """每运行一次把计数加一并打印出来的片段（计数文件在临时项目里，只用于测试重跑）。"""
    return textwrap.dedent(f"""
        from pathlib import Path
        counter = Path({str(root / 'counter')!r})
        n = int(counter.read_text()) + 1 if counter.exists() else 1
        counter.write_text(str(n))
        print("run", n)
    """)


AT_LEAST = "assert int(result.lines[0].split()[1]) >= {}, '要运行够 {} 次'"


def test_claim_that_does_not_hold_fails_the_build_naming_page_snippet_method_and_line(tmp_path):
    make_site(tmp_path)
    write_claim(tmp_path, "t/a.py", "assert result.lines, '有输出'\nassert 'bye' in result.output, '页面说它会打印 bye'")
    with pytest.raises(snipexec.SnippetError) as error:
        results(snipexec.Engine(tmp_path, fresh=True), "t/a.py")
    message = str(error.value)
    python = snipexec.Interpreter.current()
    assert "snippets/t/a.py" in message and "页面 page.md" in message
    assert f"CPython {python.version}、启动方法 {python.start_method}" in message
    assert "tests/snippets/t.py::a" in message and "tests/snippets/t.py:3  assert 'bye' in result.output" in message
    assert "AssertionError: 页面说它会打印 bye" in message and "    hi" in message  # 最后的输出


def test_missing_claim_function_is_a_build_error(tmp_path):
    write(tmp_path, "t/a.py", "print(1)\n", claim=None)
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "page.md").write_text("```snippet\nt/a.py\n```\n", encoding="utf-8")
    with pytest.raises(snipexec.SnippetError, match=r"没有检查函数.*tests/snippets/t\.py.*a\(result\).*page\.md"):
        results(snipexec.Engine(tmp_path, fresh=True), "t/a.py")


def test_retries_rerun_until_the_claim_holds_and_the_stamp_says_which_run(tmp_path, monkeypatch):
    make_site(tmp_path, counted(tmp_path) + "# snippet: retries=2\n")
    write_claim(tmp_path, "t/a.py", AT_LEAST.format(3, 3))
    engine = snipexec.Engine(tmp_path, fresh=True)
    monkeypatch.setattr(snipexec.fence, "_engine", engine)
    html = render_page((tmp_path / "docs" / "page.md").read_text(encoding="utf-8"))
    assert "run 3" in html and "第 3 次运行" in html
    assert (tmp_path / "counter").read_text() == "3"
    # 只允许重跑 1 次：两次都不成立，构建失败，不发布
    (tmp_path / "counter").unlink()
    make_site(tmp_path, counted(tmp_path) + "# snippet: retries=1\n")
    write_claim(tmp_path, "t/a.py", AT_LEAST.format(3, 3))
    with pytest.raises(snipexec.SnippetError, match="运行了 2 次，每次都不成立"):
        results(snipexec.Engine(tmp_path, fresh=True), "t/a.py")
    assert (tmp_path / "counter").read_text() == "2"


def test_claim_is_checked_on_cached_results_too_and_a_failing_one_reruns(tmp_path):
    make_site(tmp_path, counted(tmp_path))
    results(snipexec.Engine(tmp_path, fresh=False), "t/a.py")  # 第 1 次运行，存进缓存
    write_claim(tmp_path, "t/a.py", AT_LEAST.format(2, 2))  # 说法改了：缓存里的结果不再成立
    engine = snipexec.Engine(tmp_path, fresh=False)
    _, [result] = results(engine, "t/a.py")
    assert not result.cached and result.lines == ["run 2"]
    _, [again] = results(snipexec.Engine(tmp_path, fresh=False), "t/a.py")
    assert again.cached and again.lines == ["run 2"]  # 新结果成立，进了缓存
    write_claim(tmp_path, "t/a.py", AT_LEAST.format(9, 9))  # 没有 retries=：缓存的不成立时只重跑一次
    with pytest.raises(snipexec.SnippetError, match="a.py"):
        results(snipexec.Engine(tmp_path, fresh=False), "t/a.py")
    assert (tmp_path / "counter").read_text() == "3"


def test_claim_modules_load_once_per_process_and_again_after_an_edit(tmp_path):
    write(tmp_path, "t/a.py", "print(1)\n")
    module = tmp_path / "tests" / "snippets" / "t.py"
    module.write_text(f"open({str(tmp_path / 'loads')!r}, 'a').write('x')\n" + module.read_text(encoding="utf-8"))
    claims = snipexec.claims(tmp_path)
    assert claims is snipexec.claims(tmp_path)
    for _ in range(3):
        assert claims.find("t/a.py") is not None
    assert (tmp_path / "loads").read_text() == "x"
    module.write_text(module.read_text(encoding="utf-8") + "\n# 改了\n")
    os.utime(module, ns=(time.time_ns(), time.time_ns() + 10**9))
    claims.find("t/a.py")
    assert (tmp_path / "loads").read_text() == "xx"
    assert claims.find("t/b.py") is None


def test_retries_declaration_is_bounded(tmp_path):
    assert write(tmp_path, "t/r.py", "# snippet: retries=2\n").meta.retries == 2
    for bad in ("retries=0", "retries=6", "retries=x", "retries"):
        with pytest.raises(snipexec.SnippetError, match="retries"):
            write(tmp_path, "t/r.py", f"# snippet: {bad}\n")


def test_mkdocs_build_fails_when_the_output_contradicts_the_page(tmp_path):
    make_site(tmp_path)
    write_claim(tmp_path, "t/a.py", "assert result.lines == ['bye'], '页面说它打印 bye'")
    (tmp_path / "mkdocs.yml").write_text(MKDOCS_YML)
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-q"], cwd=tmp_path, env=mkdocs_env(tmp_path),
                           capture_output=True, text=True, timeout=60)
    assert build.returncode != 0
    for part in ("snippets/t/a.py", "page.md", "tests/snippets/t.py::a", "页面说它打印 bye"):
        assert part in build.stderr, build.stderr
    assert "site-packages" not in build.stderr


BROKEN_MAIN = """
    import multiprocessing as mp

    if __name__ == "__main__":
        p = mp.Process(target=print, args=("child",))
        p.start()
        p.join(
"""


def test_broken_snippets_are_named_in_the_test_summary_under_xdist(tmp_path):
    """三个片段同时坏掉：pytest -n 2 以失败结束（不是 INTERNALERROR），汇总里点名三个片段，页面里的命令显示命令和输出。"""
    for name in ("conftest.py", "pyproject.toml", "tests/conftest.py", "tests/test_snippets.py", "tests/snippets/_helpers.py"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text((ROOT / name).read_text(encoding="utf-8"), encoding="utf-8")
    names = ["t/broken_a.py", "t/broken_b.py", "u/broken_c.py"]
    for name in names:
        write(tmp_path, name, BROKEN_MAIN, claim="assert 'child' in result.output")
    write(tmp_path, "t/fine.py", "print('fine')\n", claim="assert result.lines == ['fine']")
    (tmp_path / "docs").mkdir()
    commands = "\n".join(f"python snippets/{name}" for name in [*names, "t/fine.py"])
    fences = "".join(f"```snippet\n{name}\n```\n\n" for name in [*names, "t/fine.py"])
    (tmp_path / "docs" / "page.md").write_text(f"# 页\n\n{fences}```bash\n{commands}\n```\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "pytest", "-n", "2", "-p", "no:cacheprovider", "-m", "not quiet"],
                          cwd=tmp_path, capture_output=True, text=True, timeout=300,
                          env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"})
    output = done.stdout + done.stderr
    assert done.returncode == 1 and "INTERNALERROR" not in output, output[-3000:]
    summary = output[output.index("short test summary info"):]
    for name in names:
        assert f"FAILED docs/page.md::python snippets/{name}" in summary, summary
        assert f"FAILED tests/test_snippets.py::test_snippet[snippets/{name}-fork]" in summary, summary
        assert f"$ python snippets/{name}\n" in output  # 页面里的命令失败时显示命令……
    assert "SyntaxError" in output and "（退出状态 1，预期退出状态 0）" in output  # ……和它的输出
    assert "fine" not in summary


# ---------------------------------------------------------------- 缓存按职责、轮次不靠数围栏、过期清理

TWO_FENCES = "```snippet\nt/a.py\n```\n\n~~~snippet\nt/b.py\n~~~\n"


def two_snippet_site(root: Path) -> str:
    write(root, "t/a.py", "print('a')\n")
    write(root, "t/b.py", "print('b')\n")
    (root / "docs").mkdir(exist_ok=True)
    (root / "docs" / "page.md").write_text(TWO_FENCES, encoding="utf-8")
    return TWO_FENCES


def summary_of(caplog) -> str:
    """最近一轮的汇总行（部分构建的一轮在渲染停下之后才输出：最多等 10 秒）。"""
    deadline = time.monotonic() + 10
    while not (lines := [r.getMessage() for r in caplog.records if r.getMessage().startswith("snipexec: ")]):
        assert time.monotonic() < deadline, "没有汇总行"
        time.sleep(0.05)
    caplog.clear()
    return lines[-1]


def test_one_option_parser_for_the_prescan_and_superfences(tmp_path):
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "p.md").write_text(
        '```snippet methods="fork spawn" timeline\nt/a.py\n```\n\n  ~~~~ snippet versions=\'3.13 3.14\'\n  t/b.py\n  ~~~~\n',
        encoding="utf-8")
    found = list(snipexec.fences(tmp_path / "docs"))
    assert [(f.name, f.position, f.options) for f in found] == [
        ("t/a.py", 1, snipexec.FenceOptions(methods=("fork", "spawn"), chart=True)),
        ("t/b.py", 2, snipexec.FenceOptions(versions=("3.13", "3.14")))]
    options = {}
    snipexec.fence.validate("snippet", {"methods": "fork spawn", "timeline": "timeline"}, options, {}, None)
    assert options["snipexec"] == found[0].options  # superfences 交来的选项，解析成同一个对象
    with pytest.raises(snipexec.SnippetError, match="无法识别"):
        snipexec.FenceOptions.from_header(' methods="fork')


def test_editing_rendering_code_rerenders_without_running_and_runner_code_reruns(tmp_path, monkeypatch, caplog):
    import snipexec.cache

    page = two_snippet_site(tmp_path)
    caplog.set_level("INFO", logger="mkdocs.snipexec")
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
    first = render_page(page)
    assert "运行 2 个，取自缓存 0 个" in summary_of(caplog)
    converted = []
    real = snipexec.fence.results_markdown
    monkeypatch.setattr(snipexec.fence, "results_markdown", lambda *a, **k: converted.append(1) or real(*a, **k))
    # 改了渲染 HTML 的代码（包里除 runner 和注入模块以外的任何一处）：重新转换，片段一个也不跑
    monkeypatch.setattr(snipexec.cache, "package_digest", lambda: "改过的渲染代码")
    monkeypatch.setattr(snipexec.fence, "package_digest", lambda: "改过的渲染代码")
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
    assert render_page(page) == first and len(converted) == 2
    assert "运行 0 个，取自缓存 2 个" in summary_of(caplog)
    # 改了运行片段的代码：全部重跑
    monkeypatch.setattr(snipexec.cache, "runner_digest", lambda: "改过的 runner")
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
    render_page(page)
    assert "运行 2 个，取自缓存 0 个" in summary_of(caplog)


def test_complete_build_removes_stale_cache_entries(tmp_path, monkeypatch):
    cache = tmp_path / ".snipexec" / "cache"
    page = two_snippet_site(tmp_path)
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
    render_page(page)
    first = {p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file()} - {snipexec.cache.RECENT}
    assert len(first) == 4  # 两个结果、两个围栏的 HTML（另有一个记下 HTML 命名空间先后的文件）
    write(tmp_path, "t/a.py", "print('a2')\n")  # 下一版
    monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
    render_page(page)
    second = {p.relative_to(cache).as_posix() for p in cache.rglob("*") if p.is_file()} - {snipexec.cache.RECENT}
    a2 = snipexec.result_key(snipexec.Snippet.load("t/a.py", tmp_path), None) + ".json"
    b = snipexec.result_key(snipexec.Snippet.load("t/b.py", tmp_path), None) + ".json"
    assert len(second) == 4 and {a2, b} <= second and len(first & second) == 2  # b 的结果和 HTML 留下，a 的旧条目删掉
    # 不完整的一轮（之后的重建、--dirty）不清理：只渲染了一部分页面，别的页面的条目还有用
    (cache / "stale.json").write_text("{}")
    render_page(page)
    assert (cache / "stale.json").exists()


def test_each_builder_keeps_its_own_rendered_html(tmp_path, monkeypatch):
    """另一种 Markdown 配置（另一个构建工具，这里用另一种高亮配置代替）的 HTML 自成一个命名空间：
    完整的构建只清理自己的，留下最近用过的另一个命名空间，更早的整个删掉。"""
    cache = tmp_path / ".snipexec" / "cache"
    page = two_snippet_site(tmp_path)

    def build(**highlight):
        monkeypatch.setattr(snipexec.fence, "_engine", snipexec.Engine(tmp_path, fresh=False))
        render_page(page, **highlight)
        return {p.relative_to(cache).as_posix() for p in (cache / "html").rglob("*.html")}

    mkdocs = build()
    both = build(linenums=True)
    zensical = both - mkdocs
    assert len(mkdocs) == len(zensical) == 2 and mkdocs < both
    assert build() == both  # 交替构建：两边的条目都还在，不必重新转换
    build(anchor_linenums=True)  # 第三种配置：最近用过的（上面的 mkdocs）留下，更早的 zensical 整个删掉
    spaces = {p.name for p in (cache / "html").iterdir()}
    assert len(spaces) == 2 and {path.split("/")[1] for path in mkdocs} <= spaces
    assert not {path.split("/")[1] for path in zensical} & spaces


def test_rebuild_after_an_edit_runs_only_that_snippet_and_shows_it(tmp_path, monkeypatch, caplog):
    # mkdocs serve：第一次构建完整；改了一个片段后的重建只运行它，页面上是新的输出
    page = two_snippet_site(tmp_path)
    caplog.set_level("INFO", logger="mkdocs.snipexec")
    monkeypatch.setattr(engine_module, "IDLE_SECONDS", 0.1)
    engine = snipexec.Engine(tmp_path, fresh=False)
    monkeypatch.setattr(snipexec.fence, "_engine", engine)
    render_page(page)
    assert "运行 2 个" in summary_of(caplog)
    write(tmp_path, "t/b.py", "print('b edited')\n")
    html = render_page(page)
    assert "b edited" in html and engine.rounds == 2
    assert "运行 1 个，取自缓存 1 个" in summary_of(caplog)
    # 只渲染改过的那一页（--dirty、zensical serve）：只取这一页要的
    write(tmp_path, "t/a.py", "print('a edited')\n")
    assert "a edited" in render_page("```snippet\nt/a.py\n```\n")
    assert "运行 1 个，取自缓存 0 个" in summary_of(caplog)


def test_dirty_build_does_not_prefetch(tmp_path, monkeypatch, caplog):
    two_snippet_site(tmp_path)
    monkeypatch.setattr(sys, "argv", ["mkdocs", "build", "--dirty"])
    monkeypatch.setattr(engine_module, "IDLE_SECONDS", 0.1)
    caplog.set_level("INFO", logger="mkdocs.snipexec")
    results(snipexec.Engine(tmp_path, fresh=True), "t/a.py")  # 只渲染了 a 所在的页面
    assert "运行 1 个，" in summary_of(caplog)
    time.sleep(0.5)
    b = snipexec.result_key(snipexec.Snippet.load("t/b.py", tmp_path), None)
    assert not (tmp_path / ".snipexec" / "cache" / f"{b}.json").exists()  # b 没有跑


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="按 /proc 检查进程")
def test_ctrl_c_landing_on_a_worker_thread_still_stops_the_build(tmp_path):
    # 进程收到的 SIGINT 由内核交给任意一个没屏蔽它的线程；落在线程池的线程上时，只等一个锁的主线程不会被唤醒，
    # 要等片段跑完（30 秒）才处理 KeyboardInterrupt。这里故意把信号发给线程池的线程
    _slow_site(tmp_path, queued=0)
    code = textwrap.dedent("""
        import signal, sys, threading, time
        from pathlib import Path
        import snipexec

        signal.signal(signal.SIGINT, signal.default_int_handler)
        engine = snipexec.Engine(Path(sys.argv[1]), jobs=2, fresh=True)

        def interrupt_a_worker():
            while not engine.running:
                time.sleep(0.05)
            worker = next(t for t in threading.enumerate() if t.name.startswith("ThreadPoolExecutor"))
            print("signal", flush=True)
            signal.pthread_kill(worker.ident, signal.SIGINT)

        threading.Thread(target=interrupt_a_worker, daemon=True).start()
        try:
            engine.results_for("t/slow.py", snipexec.FenceOptions())
        except KeyboardInterrupt:
            print("interrupted", flush=True)
    """)
    started = time.monotonic()
    done = subprocess.run([sys.executable, "-c", code, str(tmp_path)], capture_output=True, text=True, timeout=60,
                          env={**os.environ, "TMPDIR": str(tmp_path / "tmp")})
    assert done.stdout.split() == ["signal", "interrupted"], done.stdout + done.stderr
    assert time.monotonic() - started < 10  # 不等那个 30 秒的片段
    time.sleep(0.2)
    assert not _processes_under(tmp_path)

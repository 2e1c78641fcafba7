"""检查函数共用的小工具：按模式取数字、断言顺序。只检查不变量，不比对整段文本。"""

from __future__ import annotations

import functools
import inspect
import platform
import re
import subprocess


def count(result, pattern: str) -> int:
    return sum(1 for line in result.lines if re.search(pattern, line))


def once(result, *patterns: str) -> None:
    """每个模式恰好匹配输出里的一行。"""
    wrong = {pattern: n for pattern in patterns if (n := count(result, pattern)) != 1}
    assert not wrong, f"这些模式应当恰好匹配一行（实际行数）：{wrong}\n{result.output}"


def numbers(result, pattern: str) -> list[float]:
    """每一行里第一个捕获组的数值。"""
    return [float(m.group(1)) for line in result.lines if (m := re.search(pattern, line))]


def index(result, pattern: str) -> int:
    for i, line in enumerate(result.lines):
        if re.search(pattern, line):
            return i
    raise AssertionError(f"输出里没有匹配 {pattern!r} 的行：\n{result.output}")


def before(result, first: str, second: str) -> None:
    assert index(result, first) < index(result, second), f"{first!r} 应在 {second!r} 之前：\n{result.output}"


def spans(result, what: str) -> list[tuple[float, float]]:
    """时间线记录里某类区间（"alive" 进程存活、"task" 池任务、"wait" 等锁、"hold" 持锁），不分进程。"""
    from snipexec import timeline

    return [span for lane in timeline.lanes(result.events) for span in lane.spans[what]]


def overlaps(result, what: str) -> int:
    from snipexec import timeline

    return timeline.overlaps(spans(result, what))


def child_spans(result, what: str = "alive") -> list[tuple[float, float]]:
    """除主进程以外各进程的某类区间，按开始时间排序（要求片段在页面上画时间线，测试才记录事件）。"""
    from snipexec import timeline

    return sorted(span for lane in timeline.lanes(result.events) if lane.name != "MainProcess"
                  for span in lane.spans[what])


def most_at_once(intervals: list[tuple[float, float]]) -> int:
    """同一时刻最多有几个区间同时进行（首尾相接不算同时）。"""
    edges = sorted([(end, -1) for _, end in intervals] + [(start, 1) for start, _ in intervals])
    running = peak = 0
    for _, step in edges:
        running += step
        peak = max(peak, running)
    return peak


def full_version(result) -> tuple[int, ...]:
    """运行这个片段的 CPython 的版本，如 (3, 14, 10)（result.python 只有前两位）。"""
    return tuple(int(part) for part in re.findall(r"\d+", result.python_version)[:3])


def _forkserver_source_has(result, text: str) -> bool:
    """运行这个结果的那个解释器的 multiprocessing/forkserver.py 里有没有 text（按源码判断，不猜补丁版本号）。"""
    if result.python_version == platform.python_version():
        import multiprocessing.forkserver

        return text in inspect.getsource(multiprocessing.forkserver)
    return _other_forkserver_source_has(result.python_version, text)


@functools.cache
def _other_forkserver_source_has(version: str, text: str) -> bool:
    """版本标签页里的结果来自另一个解释器（构建时按 X.Y 找到的那个）：问它自己。"""
    from snipexec.interpreters import find_python

    python = find_python(".".join(version.split(".")[:2]))
    assert python, f"找不到运行过这个结果的 CPython {version}"
    code = f"import inspect, multiprocessing.forkserver as f; print({text!r} in inspect.getsource(f))"
    done = subprocess.run([python, "-c", code], capture_output=True, text=True, check=True)
    return done.stdout.strip() == "True"


def forkserver_preloads_main(result) -> bool:
    """fork 服务器启动时先导入一次主模块（__main__ 在默认的预加载列表里）。

    这段代码 3.4 起就在，但取错了字典的键（main_path 对 init_main_from_path），一直没生效；
    gh-126631 修好了它，修复合并在 3.14.0 发布之后，也移植到了 3.13 分支（3.13 的后期补丁版本也预加载）。
    """
    return _forkserver_source_has(result, "init_main_from_path")


def forkserver_ignores_preload_errors(result) -> bool:
    """3.15 起（set_forkserver_preload 的 on_error，默认 'ignore'）：预加载主模块出错也不让 fork 服务器退出。"""
    return _forkserver_source_has(result, "on_error")

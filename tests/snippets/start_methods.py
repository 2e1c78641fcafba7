"""docs/start-methods.md 的说法。"""

import ast
import re

from _helpers import before, count, forkserver_preloads_main, index, numbers

METHODS = ("fork", "spawn", "forkserver")
CLASSES = {"fork": "ForkProcess", "spawn": "SpawnProcess", "forkserver": "ForkServerProcess"}


def contexts(result):
    [line] = [line for line in result.lines if line.startswith("本机可用的启动方法：")]
    listed = ast.literal_eval(line.split("：", 1)[1])
    assert sorted(listed) == ["fork", "forkserver", "spawn"]
    if result.python >= (3, 14):
        # 3.14 起默认的那一种排在第一个，其余的顺序不变
        assert listed == [result.start_method] + [m for m in ("fork", "spawn", "forkserver") if m != result.start_method]
    else:
        assert listed == ["fork", "spawn", "forkserver"]
    # 片段没有设置启动方法，用的是平台默认（测试里由引擎换成了本次的启动方法）
    assert count(result, rf"^默认的启动方法：{result.start_method}$") == 1
    # 每个上下文创建的进程，无论直接用 Process、Pool 还是 ProcessPoolExecutor，都用这个上下文的启动方法
    for method, cls in CLASSES.items():
        assert count(result, rf"^get_context\('{method}'\)：Process → {cls}，Pool → {cls}，"
                             rf"ProcessPoolExecutor → {cls}$") == 1


def what_child_gets(result):
    assert count(result, r"^父进程：已导入 decimal = True，主模块 __name__ = __main__$") == 1
    # fork 是父进程的副本：运行中导入的模块还在，主模块还是 __main__
    assert count(result, r"^fork 子进程：已导入 decimal = True，主模块 __name__ = __main__，") == 1
    # spawn / forkserver：全新的解释器重新导入主模块，名字是 __mp_main__，父进程运行中导入的模块不在
    for method in ("spawn", "forkserver"):
        assert count(result, rf"^{method} 子进程：已导入 decimal = False，主模块 __name__ = __mp_main__，") == 1
    # 参数在三种启动方法下都送到了
    assert count(result, r"参数 config = \{'retries': 3\}$") == 3


def start_cost(result):
    costs = {}
    for method in METHODS:
        [line] = [line for line in result.lines if line.startswith(f"{method} ")]
        costs[method] = [float(ms) for ms in re.findall(r"([\d.]+) 毫秒", line)]
        assert len(costs[method]) == 3
    # spawn 每次都要启动一个解释器，最快的一次也比 fork、预热后的 forkserver 最快的一次慢得多
    assert min(costs["spawn"]) > 3 * min(costs["fork"])
    # 3.14 起 forkserver 的子进程不再各自导入主模块，和 fork 一样快；3.13 及以前慢一些，但仍快过 spawn
    factor = 3 if result.python >= (3, 14) else 1
    assert min(costs["spawn"]) > factor * min(costs["forkserver"][1:])
    # fork 与预热后的 forkserver 谁快不固定（页面这样说），不比较
    # forkserver 第一次还要启动 fork 服务器，之后从服务器 fork，快得多（3.14 起；3.13 及以前之后的每个子进程
    # 也要重新导入主模块，第一次只多出启动服务器的那一点，页面不作比较）
    if result.python >= (3, 14):
        assert costs["forkserver"][0] > 2 * min(costs["forkserver"][1:])


def fork_with_thread(result):
    assert index(result, r"^父进程：线程数 2，锁被后台线程拿着：True$") == 0
    # 三种启动方法的子进程都只有一个线程；fork 复制来的锁是“被拿着”的状态，却没有线程会释放它
    assert count(result, r"^fork       子进程：线程数 1，0.3 秒内拿到锁：False$") == 1
    assert count(result, r"^spawn      子进程：线程数 1，0.3 秒内拿到锁：True$") == 1
    assert count(result, r"^forkserver 子进程：线程数 1，0.3 秒内拿到锁：True$") == 1
    assert result.lines[-1] == "父进程：后台线程结束后，锁被拿着：False"
    # 3.12 起，多线程的进程调用 fork 会发出 DeprecationWarning（片段打开了显示）
    warned = count(result, r"DeprecationWarning: This process \(pid=\d+\) is multi-threaded")
    assert warned == (1 if result.python >= (3, 12) else 0)


def set_start_method(result):
    assert result.lines == [
        "调用之前：None",
        "第一次调用之后：spawn",
        "第二次调用：RuntimeError: context has already been set",
        "force=True 之后：forkserver",
        "子进程：get_start_method() = forkserver",
    ]


def no_main_guard(result):
    # 模块顶层的代码执行了两次：一次在父进程（__main__），一次在 spawn 的子进程导入本文件时（__mp_main__）
    assert count(result, r"^模块顶层：__name__ = __main__，PID \d+$") == 1
    assert count(result, r"^模块顶层：__name__ = __mp_main__，PID \d+$") == 1
    before(result, "__name__ = __main__", "__name__ = __mp_main__")
    # 子进程在导入阶段就因为 RuntimeError 失败，target 没有运行
    assert count(result, r"^RuntimeError:\s*$") == 1
    assert count(result, "current process has finished its bootstrapping phase") == 1
    assert count(result, "greet\\(\\) 运行了") == 0
    # 父进程并没有出错，只从 exitcode 看得出来；子进程没能再创建孙进程
    assert result.lines[-1] == "模块顶层：子进程已结束，exitcode = 1"
    assert count(result, r"^模块顶层：__name__") == 2


def unpicklable_target(result):
    assert len(result.lines) == 9
    for label in ("模块级函数", "lambda", "内部函数"):
        # fork 不 pickle target：什么函数都行
        assert count(result, rf"^fork \+ {label}：子进程运行完毕，exitcode = 0$") == 1
    for method in ("spawn", "forkserver"):
        assert count(result, rf"^{method} \+ 模块级函数：子进程运行完毕，exitcode = 0$") == 1
        for label, name in (("lambda", "<lambda>"), ("内部函数", "nested")):
            # 3.14 起是 PicklingError（页面上的输出）；3.13 及以前是 AttributeError
            error = "PicklingError" if result.python >= (3, 14) else "AttributeError"
            assert count(result, rf"^{method} \+ {label}：start\(\) 失败，{error}: "
                                 rf"Can't (pickle|get) local object .*main\.<locals>\.{name}") == 1


def main_module_runs(result):
    assert result.lines[0].startswith("顶层代码：") and result.lines[0].endswith("__name__ = __main__")
    [main_pid] = numbers(result, r"^顶层代码：进程 (\d+)，__name__ = __main__$")
    split = index(result, "^---- forkserver")
    sections = {"spawn": result.lines[index(result, "^---- spawn"):split], "forkserver": result.lines[split:]}
    parsed = {}
    for method, lines in sections.items():
        tops = [int(m[1]) for line in lines if (m := re.match(r"^顶层代码：进程 (\d+)，__name__ = __mp_main__$", line))]
        targets = [(int(m[1]), int(m[2])) for line in lines
                   if (m := re.match(r"^  目标函数：进程 (\d+)，os.getppid\(\) = (\d+)$", line))]
        assert len(targets) == 2, result.output
        parsed[method] = tops, targets
    # spawn：每个子进程自己重新执行一遍顶层代码，父进程就是主进程
    tops, targets = parsed["spawn"]
    assert tops == [pid for pid, _ in targets] and {ppid for _, ppid in targets} == {main_pid}, result.output
    # forkserver：两个子进程都由同一个 fork 服务器 fork 出来
    tops, targets = parsed["forkserver"]
    [server] = {ppid for _, ppid in targets}
    assert server != main_pid
    if forkserver_preloads_main(result):
        # 3.14（和带 gh-126631 修复的 3.13 补丁版本）：顶层代码只在 fork 服务器里执行一次，子进程继承
        assert tops == [server], result.output
    else:
        # 3.13.0 及更早：每个子进程各自重新执行
        assert tops == [pid for pid, _ in targets], result.output

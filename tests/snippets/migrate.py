"""docs/migrate-314.md 的说法。

页面用 3.13（默认 fork）和 3.14（默认 forkserver）并排展示；测试在每个版本上把三种启动方法都跑一遍，
所以这里按 result.start_method 和运行它的版本分别断言。
"""

import re

from _helpers import (
    count,
    index,
    numbers,
    forkserver_ignores_preload_errors as _ignores_preload_errors,
    forkserver_preloads_main as _preloads_main,
    full_version as _v,
)

ALL = {"fork", "spawn", "forkserver"}


def default_method(result):
    assert count(result, rf"^默认的启动方法：{result.start_method}$") == 1
    [listed] = [line for line in result.lines if line.startswith("get_all_start_methods()：")]
    methods = re.findall(r"'(\w+)'", listed)
    assert set(methods) == ALL and len(methods) == 3
    if _v(result) >= (3, 14):
        # 3.14 起默认的排在最前
        assert methods[0] == result.start_method
    else:
        assert methods == ["fork", "spawn", "forkserver"]


def getppid(result):
    [parent] = numbers(result, r"^父进程：PID = (\d+)，启动方法 " + result.start_method + "$")
    [ppid] = numbers(result, r"^子进程：os\.getppid\(\) = (\d+)$")
    [recorded] = numbers(result, r"^子进程：parent_process\(\)\.pid = (\d+)$")
    # parent_process() 在三种启动方法下都是调用 start() 的那个进程
    assert recorded == parent
    # os.getppid()：fork、spawn 下是父进程；forkserver 下是 fork 服务器，一个别的进程
    assert (ppid == parent) == (result.start_method != "forkserver")


def main_preload(result):
    assert count(result, rf"^父进程：启动方法 {result.start_method}$") == 1
    [parent] = numbers(result, r"^模块顶层执行：__name__ = __main__，PID (\d+)$")
    assert index(result, "__name__ = __main__") == 0
    reloads = numbers(result, r"^模块顶层执行：__name__ = __mp_main__，PID (\d+)$")
    children = [re.match(r"子进程 \d：PID (\d+)，os\.getppid\(\) = (\d+)$", line).groups()
                for line in result.lines if line.startswith("子进程 ")]
    children = [(float(pid), float(ppid)) for pid, ppid in children]
    assert len(children) == 3
    if result.start_method == "fork":
        # 子进程是父进程的副本：模块顶层只在父进程里执行过一次
        assert reloads == []
        assert all(ppid == parent for _, ppid in children)
    elif result.start_method == "forkserver" and _preloads_main(result):
        # 3.14：fork 服务器执行一次模块顶层，子进程都从它 fork 出来，不再执行
        [server] = reloads
        assert server != parent
        assert all(ppid == server for _, ppid in children)
    else:
        # spawn，以及不预加载主模块的 forkserver：每个子进程自己再执行一次模块顶层
        assert reloads == [pid for pid, _ in children]
        if result.start_method == "spawn":
            assert all(ppid == parent for _, ppid in children)
        else:
            assert len({ppid for _, ppid in children}) == 1 and children[0][1] != parent


def no_guard(result):
    status = numbers(result, r"^python old\.py 的退出状态：(\d+)$")
    starts = count(result, r"^模块顶层：开始$")
    errors = count(result, r"^RuntimeError:\s*$")
    if result.start_method == "fork":
        # 子进程是父进程的副本，不重新执行模块顶层：旧代码照常工作
        assert starts == 1 and errors == 0 and status == [0]
        assert count(result, r"^work\(\) 运行了$") == 1
        assert count(result, r"^模块顶层：结束，exitcode = 0$") == 1
        return
    # 其余情况，work() 一次也没有运行；RuntimeError 说明了原因
    assert count(result, r"work\(\) 运行了") == 0
    assert errors == 1 and count(result, "current process has finished its bootstrapping phase") == 1
    forkserver = result.start_method == "forkserver"
    if forkserver and _preloads_main(result) and not _ignores_preload_errors(result):
        # 3.14：fork 服务器预加载主模块时就出错退出，父进程的 start() 连接被重置，整个程序失败
        assert starts == 2
        assert count(result, r"^(ConnectionResetError|ConnectionRefusedError|EOFError|BrokenPipeError)") == 1
        assert count(result, r"forkserver\.py\", line \d+, in main$") >= 1
        assert count(result, "模块顶层：结束") == 0
        assert status == [1]
    else:
        # spawn、3.13.0 及以前的 forkserver：子进程重新执行模块顶层时出错，父进程只看到 exitcode = 1
        # 3.15 起：fork 服务器预加载主模块的错误被默默忽略（on_error='ignore'），子进程再执行一次，同样出错
        expected = 3 if forkserver and _ignores_preload_errors(result) else 2
        assert starts == expected
        assert count(result, r"^模块顶层：结束，exitcode = 1$") == 1
        assert status == [0]


def no_guard_fixed(result):
    assert result.lines == ["开始", "work() 运行了", "结束，exitcode = 0"]


def def_in_main(result):
    if result.start_method == "fork":
        assert result.lines == ["结果：[1, 4, 9]"]
        return
    # 子进程里的主模块没有执行保护块，没有 square：每个任务都让一个工作进程在解封时出错退出
    missing = count(result, r"^AttributeError: .*'square'")
    assert missing == 3, result.output
    assert count(result, r"^Process \w+PoolWorker-\d+:$") == 3
    assert result.lines[-1] == "2 秒内没有等到结果"
    assert count(result, "^结果：") == 0


def def_in_main_fixed(result):
    assert result.lines == ["结果：[1, 4, 9]"]


def local_function(result):
    if result.start_method == "fork":
        assert result.lines == ["你好，子进程", "子进程结束，exitcode = 0"]
        return
    # 3.13 及以前是 AttributeError，3.14 起是 PicklingError；失败发生在父进程的 start() 里
    assert count(result, r"^start\(\) 失败：(PicklingError|AttributeError): "
                         r"Can't (pickle|get) local object .*main\.<locals>\.greet") == 1
    assert count(result, "你好") == 0
    if _v(result) >= (3, 14):
        assert count(result, r"^  when serializing dict item '_target'$") == 1


def local_function_fixed(result):
    assert result.lines == ["你好，子进程", "子进程结束，exitcode = 0"]


def global_config(result):
    assert result.lines[0] == "父进程：verbose = True"
    seen = "[True, True]" if result.start_method == "fork" else "[False, False]"
    assert result.lines[1:] == [f"工作进程：verbose = {seen}"]


def global_config_fixed(result):
    assert result.lines == ["父进程：verbose = True", "工作进程：verbose = [True, True]"]


def manager_lambda(result):
    if result.start_method == "fork":
        assert result.lines == ["管理器进程返回：{'debug': True}"]
        return
    assert count(result, r"^start\(\) 失败：PicklingError: Can't pickle <function <lambda> at 0x[0-9a-f]+>") == 1
    assert count(result, "管理器进程返回") == 0
    if _v(result) >= (3, 14):
        # 3.14 起的附注指出了是哪一项：注册表里的 get_settings
        assert count(result, r"^  when serializing dict item 'get_settings'$") == 1


def manager_fixed(result):
    assert result.lines == ["管理器进程返回：{'debug': True}"]


def _most_holders(result) -> int:
    """按输出顺序，同一时刻最多有几个进程拿着（它以为的）那把锁。"""
    holding = peak = 0
    for line in result.lines:
        if line.endswith("拿到锁"):
            holding += 1
            peak = max(peak, holding)
        elif line.endswith("放开锁"):
            holding -= 1
    return peak


def _lock_lines(result):
    assert count(result, "拿到锁$") == 3 and count(result, "放开锁$") == 3
    assert result.lines[0] == "父进程拿到锁"


def global_lock(result):
    _lock_lines(result)
    if result.start_method == "fork":
        expected = 1  # 子进程复制到的就是父进程那把锁
    elif result.start_method == "forkserver" and _preloads_main(result):
        expected = 2  # 两个子进程共用 fork 服务器创建的锁，父进程用自己的
    else:
        expected = 3  # 每个子进程重新导入主模块，各有一把新锁
    assert _most_holders(result) == expected, result.output


def global_lock_fixed(result):
    _lock_lines(result)
    assert _most_holders(result) == 1
    assert result.lines[1] == "父进程放开锁"


def library_context(result):
    assert result.lines[0] == "库的结果：[1, 2]"
    if _v(result) >= (3, 14):
        # 库只用了自己的 spawn 上下文：程序的默认值还没定，程序可以自己选
        assert result.lines[1:] == ["程序的默认启动方法：None", "程序设置 fork：成功，现在用 fork"]
    else:
        # 3.13 及以前（gh-109263）：用 spawn 上下文启动进程时读了默认启动方法，顺带把它固定了下来
        assert result.lines[1:] == [f"程序的默认启动方法：{result.start_method}",
                                    "程序设置 fork：RuntimeError: context has already been set"]


def library_sets_method(result):
    assert result.lines == ["程序设置 fork：RuntimeError: context has already been set", "程序实际用的：spawn"]


def preload_cost(result):
    rows = {}
    for line in result.lines:
        label, _, rest = line.partition("：")
        rows[label] = [float(ms) for ms in re.findall(r"\d+", rest)]
    assert set(rows) == {"不预加载", "预加载 _slow_import"}
    assert all(len(costs) == 3 for costs in rows.values())
    # 不预加载：每个子进程都从干净的 fork 服务器 fork 出来，都要自己导入一次（0.3 秒）
    assert min(rows["不预加载"]) >= 300
    # 预加载：fork 服务器启动时导入一次，第一次 start() 要等它；之后的子进程已经有这个模块
    first, *later = rows["预加载 _slow_import"]
    assert first >= 300
    assert max(later) < 150


def fork_with_threads(result):
    assert result.lines[0] == "父进程：线程数 2"
    assert count(result, r"^子进程：运行了$") == 1
    warned = count(result, r"DeprecationWarning: This process \(pid=\d+\) is multi-threaded, "
                           r"use of fork\(\) may lead to deadlocks in the child\.$")
    # 3.12 起才有这个检查
    assert warned == (1 if _v(result) >= (3, 12) else 0)

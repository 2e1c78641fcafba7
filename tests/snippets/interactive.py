"""docs/interactive.md 的说法。

片段把程序或交互式会话喂给一个新的解释器（python - 或 python -i），并打印它输出的一切；
那个解释器继承了引擎设置的启动方法，所以这里按 result.start_method 和版本分别断言。
"""


from _helpers import (
    count,
    forkserver_ignores_preload_errors as _ignores_preload_errors,
    forkserver_preloads_main as _preloads_main,
    full_version as _v,
)

# 子进程在主模块里找不到 f：3.13 及以前和 3.14 起的措辞不同
NO_F = r"^AttributeError: (Can't get attribute 'f' on <module '__main__'|module '__main__' has no attribute 'f')"


def stdin_program(result):
    missing = count(result, r"^FileNotFoundError: \[Errno 2\] No such file or directory: '.*<stdin>'$")
    if result.start_method == "fork":
        assert result.lines == ["子进程：f(1)", "exitcode = 0", "python - 的退出状态：0"]
        return
    # 其余两种都要按 __main__.__file__（'<stdin>'）重新执行主模块，而这个文件不存在；f 一次也没运行
    assert missing == 1
    assert count(result, "子进程：f") == 0
    if result.start_method == "forkserver" and _preloads_main(result) and not _ignores_preload_errors(result):
        # 3.14：出错的是 fork 服务器本身；父进程的 start() 连接被重置，整个程序以回溯结束
        assert count(result, r'forkserver\.py", line \d+, in main$') == 1
        assert count(result, r"^(ConnectionResetError|ConnectionRefusedError|EOFError|BrokenPipeError)") == 1
        assert count(result, r'^  File "<stdin>", line \d+, in <module>$') == 1
        assert result.lines[-1] == "python - 的退出状态：1"
    else:
        # spawn，以及 3.15 起（服务器忽略预加载的错误）和 3.13.0 及以前的 forkserver：出错的是子进程
        assert result.lines[-2:] == ["exitcode = 1", "python - 的退出状态：0"]


def repl_session(result):
    # 交互模式照样打印提示符：最后一个是读到输入结尾时的 >>>
    assert result.lines[0].startswith(">>> >>> ... ... >>> >>> ")
    assert result.lines[-1].strip() == ">>>"
    if result.start_method == "fork":
        assert result.lines[0].endswith("子进程：f(1)")
        assert count(result, r"^>>> 0$") == 1
        assert count(result, "Traceback") == 0
        return
    # 交互式的 __main__ 没有文件可以重新导入：子进程在解封 f 时出错，exitcode 是 1
    assert count(result, NO_F) == 1
    assert count(result, "子进程：f") == 0
    assert count(result, r"^>>> 1$") == 1


def repl_executor(result):
    if result.start_method == "fork":
        assert count(result, r"\[1, 4, 9\]$") == 1
        assert count(result, "Traceback") == 0
        return
    # 工作进程找不到 square 而退出；会话里的 map() 得到 BrokenProcessPool
    assert count(result, r"^AttributeError: (Can't get attribute 'square' on <module '__main__'"
                         r"|module '__main__' has no attribute 'square')") == 1
    assert count(result, r"^concurrent\.futures\.process\.BrokenProcessPool: ") == 1
    assert count(result, r"\[1, 4, 9\]") == 0
    assert result.lines[-1].strip() == ">>>"


def module_fix(result):
    # 三种启动方法下都成功：子进程按名字 worker.f 找到了模块里的函数
    assert result.lines[0].endswith("子进程：f(1)")
    assert count(result, r"^>>> 0$") == 1
    assert count(result, "Traceback") == 0


def fork_stopgap(result):
    # 明确用 fork：不管默认的启动方法是什么，交互式会话里定义的 f 都能用
    assert count(result, r"子进程：f\(1\)$") == 1
    assert count(result, r"^>>> 0$") == 1
    assert count(result, "Traceback") == 0
    # 但会话里还有别的线程：3.12 起 fork 会发出 DeprecationWarning（会话打开了显示）
    warned = count(result, r"DeprecationWarning: This process \(pid=\d+\) is multi-threaded, "
                           r"use of fork\(\) may lead to deadlocks in the child\.$")
    assert warned == (1 if _v(result) >= (3, 12) else 0)

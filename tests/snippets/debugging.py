"""docs/debugging.md 的说法。"""

import re

from _helpers import before, count


def _attach_allowed():
    """这台机器上，一个进程能否附加到同一用户的兄弟进程（Yama 的 ptrace_scope，以及 CAP_SYS_PTRACE）。"""
    try:
        with open("/proc/sys/kernel/yama/ptrace_scope") as f:
            scope = int(f.read())
    except FileNotFoundError:
        return True
    if scope == 0:
        return True
    with open("/proc/self/status") as f:
        caps = int(re.search(r"^CapEff:\s*([0-9a-f]+)$", f.read(), re.M).group(1), 16)
    return scope in (1, 2) and bool(caps & (1 << 19))  # CAP_SYS_PTRACE


def log_to_stderr(result):
    before(result, r"^\[INFO/工作进程\] child process calling self\.run\(\)$", r"^\[INFO/工作进程\] 计算 7 的平方$")
    before(result, r"^\[INFO/工作进程\] 计算 7 的平方$", r"^\[INFO/工作进程\] process exiting with exitcode 0$")
    before(result, r"^\[INFO/工作进程\] process exiting with exitcode 0$", "^exitcode = 0$")
    assert count(result, r"^\[INFO/工作进程\] process shutting down$") == 1
    assert result.lines[-1] == "[INFO/MainProcess] process shutting down"


def exit_codes(result):
    rows = dict(re.findall(r"^(\w+) +(-?\d+  .*)$", result.output, re.M))
    assert rows == {
        "finish": "0  退出码",
        "crash": "1  退出码",
        "exit_3": "3  退出码",
        "exit_message": "1  退出码",
        "killed": "-9  被信号 SIGKILL 结束",
        "sleeper": "-15  被信号 SIGTERM 结束",
    }, result.output
    # 子进程自己打印到 stderr 的两样东西：回溯（带进程名的标题）和 sys.exit 的字符串
    before(result, "^Process crash:$", "^ValueError: 出错了$")
    assert count(result, "^配置文件不存在$") == 1
    before(result, "^ValueError: 出错了$", "^进程名")


def dump_later(result):
    assert count(result, r"^Timeout \(0:00:00\.500000\)!$") == 1
    # faulthandler 的栈最近的调用在最前：先是锁的 __enter__，再是 worker
    before(result, r"synchronize\.py\", line \d+ in __enter__$", r"dump_later\.py\", line 10 in worker$")
    before(result, "^Timeout", "^工作进程的 exitcode：1$")
    assert result.lines[-1] == "工作进程的 exitcode：1"


def dump_on_signal(result):
    before(result, r"^父进程：向 \d+ 发送 SIGUSR1$", r"^Stack \(most recent call first\):$")
    before(result, r"^Stack \(most recent call first\):$", r"dump_on_signal\.py\", line 11 in wait_for_lock$")
    before(result, r"line 11 in wait_for_lock$", r"dump_on_signal\.py\", line 18 in worker$")
    before(result, r"line 18 in worker$", "^父进程：它还活着吗？True$")
    assert result.lines[-1] == "父进程：工作进程的 exitcode：0"


def remote_exec(result):
    pid = re.search(r"^父进程：remote_exec\((\d+), \.\.\.\) 已返回$", result.output, re.M).group(1)
    # 工作进程卡在锁上时脚本没有运行；父进程释放锁之后才运行，而且在工作进程的下一行代码之前
    before(result, "^父进程：remote_exec", "^父进程：0.5 秒过去了，现在释放锁$")
    before(result, "^父进程：0.5 秒过去了", rf"^\[远程脚本\] 在 PID {pid} 里运行")
    before(result, r"^\[远程脚本\]", "^工作进程：拿到锁了$")
    before(result, r"remote_exec\.py\", line 17, in worker$", r'^  File "<string>", line 4, in <module>$')
    assert result.lines[-1] == "父进程：工作进程的 exitcode：0"


def pdb_attach(result):
    assert result.lines[0].startswith("ptrace_scope：")
    if not _attach_allowed():
        assert count(result, "insufficient permissions") >= 1, result.output
        assert result.lines[-1] == "工作进程的 exitcode：-15"
        return
    # where 列出的栈以工作进程的 worker() 结束；p polls 打印出循环已经转过的次数
    assert count(result, r"^> snippets/debugging/pdb_attach\.py\(\d+\)worker\(\)$") == 2, result.output
    polls = [int(m) for m in re.findall(r"^\(Pdb\) (\d+)$", result.output, re.M)]
    assert len(polls) == 1 and polls[0] >= 1, result.output
    assert result.lines[-2:] == ["pdb 的退出码：0", "工作进程的 exitcode：0"]  # !done = True 之后循环结束


def sampling_dump(result):
    assert result.lines[0].startswith("ptrace_scope：")
    if not _attach_allowed():
        assert count(result, "^dump 的退出码：0$") == 0, result.output
        return
    assert count(result, r"^Stack dump for PID \d+, thread \d+ \(main thread") == 1
    # 和 faulthandler 相反，这里最近的调用在最后
    before(result, r"sampling_dump\.py\", line 15, in worker$", r"sampling_dump\.py\", line 10, in wait_for_lock$")
    before(result, r"line 10, in wait_for_lock$", r"synchronize\.py\", line \d+, in SemLock\.__enter__$")
    assert result.lines[-2:] == ["dump 的退出码：0", "工作进程的 exitcode：0"]

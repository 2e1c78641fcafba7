"""docs/executor-lifecycle.md 的说法。"""

import re

from _helpers import before, count, numbers


def future_cancel(result):
    states = re.findall(r"^任务 (\d)：(running|pending)，cancel\(\) 返回 (True|False)$", result.output, re.M)
    # 任务 0 在执行；1、2 已交到调用队列（max_workers + 1 = 2 个位置），也是 running；3、4 还在排队
    assert states == [("0", "running", "False"), ("1", "running", "False"), ("2", "running", "False"),
                      ("3", "pending", "True"), ("4", "pending", "True")], result.output
    # running 不等于“已经开始执行”：任务 1、2 在 cancel() 之后才开始执行，而且都执行了
    before(result, r"^任务 4：pending", r"工作进程：任务 1 开始执行")
    assert count(result, r"工作进程：任务 [34] 开始执行") == 0
    outcomes = re.findall(r"^任务 (\d)：(已取消|结果 .+)$", result.output, re.M)
    assert outcomes == [("0", "结果 第一个"), ("1", "结果 10"), ("2", "结果 20"), ("3", "已取消"), ("4", "已取消")]


def shutdown_options(result):
    rows = re.findall(r"^wait=(True|False)\s+cancel_futures=(True|False)\s*：([\d.]+) 秒后返回，做了 (\d) 个，取消 (\d) 个$",
                      result.output, re.M)
    assert [(w, c) for w, c, *_ in rows] == [("True", "False"), ("False", "False"), ("True", "True"), ("False", "True")]
    by = {(w, c): (float(t), int(done), int(cancelled)) for w, c, t, done, cancelled in rows}
    # 不取消：6 个都做；取消：只做正在执行的 1 个和调用队列里的 2 个
    assert by["True", "False"][1:] == by["False", "False"][1:] == (6, 0)
    assert by["True", "True"][1:] == by["False", "True"][1:] == (3, 3)
    # wait=False 立即返回；wait=True 等交出去的任务做完（任务 0 还剩一部分，加上每个 0.05 秒的任务）
    assert by["False", "False"][0] < 0.05 and by["False", "True"][0] < 0.05
    assert by["True", "False"][0] >= 5 * 0.05
    assert by["True", "True"][0] >= 2 * 0.05
    assert by["True", "True"][0] < by["True", "False"][0]


def shutdown_nowait_exit(result):
    [last] = numbers(result, r"^([\d.]+) 秒：shutdown\(wait=False\) 返回，主程序的最后一行$")
    [exited] = numbers(result, r"^([\d.]+) 秒：解释器退出$")
    # 三个 0.2 秒的任务由一个工作进程依次做完，解释器才退出；主程序的最后一行远在那之前
    assert exited >= 3 * 0.2 - 0.01
    assert exited - last >= 0.2, result.output


def cancelled_wait(result):
    [(done, cancelled)] = re.findall(r"^done\(\) 为 True：(\d) 个，其中 cancelled\(\)：(\d) 个$", result.output, re.M)
    assert done == "6" and int(cancelled) >= 1
    [(w_done, w_not_done)] = re.findall(r"^wait\(timeout=0\.3\)：done (\d) 个，not_done (\d) 个$", result.output, re.M)
    # 已取消的 Future 全都被 wait() 算成 not_done
    assert int(w_not_done) == int(cancelled) and int(w_done) == 6 - int(cancelled)
    assert result.lines[-1] == "as_completed(timeout=0.3)：TimeoutError"


def ctrl_c_waits(result):
    [interrupted] = numbers(result, r"^([\d.]+) 秒：收到 KeyboardInterrupt")
    [(left, done)] = re.findall(r"^([\d.]+) 秒：with 块才结束，10 个任务做完了 (\d+) 个$", result.output, re.M)
    [done_then] = numbers(result, r"这时做完 (\d+) 个")
    assert interrupted >= 0.3
    assert done_then < 10 and done == "10"  # Ctrl-C 之后，剩下的任务照样全部执行
    # 10 个 0.2 秒的任务、两个进程：至少 1 秒之后 with 块才结束
    assert float(left) >= 1.0 - 0.05


def ctrl_c_cancel(result):
    [(interrupted, done_then)] = re.findall(r"^([\d.]+) 秒：收到 KeyboardInterrupt，这时做完 (\d+) 个，取消排队的任务$",
                                           result.output, re.M)
    [(left, done, cancelled)] = re.findall(r"^([\d.]+) 秒：with 块结束，做完 (\d+) 个，取消 (\d+) 个$", result.output, re.M)
    done, cancelled = int(done), int(cancelled)
    assert done + cancelled == 10 and cancelled >= 1  # 10 个都有了结局；排队的被取消了
    # 之后做完的只有已经交出去的：正在执行的 2 个，加上调用队列里最多 max_workers + 1 = 3 个
    assert int(done_then) <= done <= int(done_then) + 2 + 3
    assert float(left) >= float(interrupted)


def ctrl_c_terminate(result):
    [interrupted] = numbers(result, r"^([\d.]+) 秒：收到 KeyboardInterrupt，terminate_workers\(\)$")
    [left] = numbers(result, r"^([\d.]+) 秒：with 块结束$")
    assert left - interrupted < 0.1  # 不再等任何任务
    counts = dict((name, int(n)) for name, n in re.findall(r"(做完|BrokenProcessPool|取消) (\d+) 个", result.lines[-2]))
    assert sum(counts.values()) == 10
    assert counts.get("BrokenProcessPool", 0) >= 1  # 正在执行的任务被打断
    assert counts.get("做完", 0) < 10
    assert result.lines[-1] == "还活着的子进程：0 个"


def worker_killed(result):
    assert result.lines[-1] == ("concurrent.futures.process.BrokenProcessPool: A process in the process pool "
                                "was terminated abruptly while the future was running or pending.")
    # 3.15 起，没有别的线索时，异常的 __cause__ 写明哪个进程、退出码（SIGKILL 是 -9）；之前的版本没有。
    # 它要在执行器发现工作进程没了的那一刻取得到退出码：forkserver 下退出码由 fork 服务器写进哨兵管道，
    # 管道可读时一定已经有了；fork、spawn 下管道先关闭、进程稍后才能回收，常常取不到（实测 20 次里 2-11 次有）
    cause = re.findall(r"^Process \d+ terminated abruptly with exit code (-?\d+)'{3}$", result.output, re.M)
    if result.python < (3, 15):
        assert cause == [] and count(result, "_RemoteTraceback") == 0
    elif result.start_method == "forkserver":
        assert cause == ["-9"], result.output
        before(result, r"_RemoteTraceback", r"direct cause of the following exception")
    else:
        assert cause in ([], ["-9"]), result.output


def pool_with_trap(result):
    assert result.lines == [
        "with 块之后：ready() = False",
        "get(timeout=0.5)：TimeoutError，结果永远不会来",
        "close() + join() 之后：ready() = True，结果 [0, 1, 4, 9, 16, 25]",
    ]

"""docs/pool.md 的说法。"""

import ast
import re
from collections import Counter

from _helpers import before, count, index, most_at_once, numbers, spans


def _pid_counts(result):
    return {int(pid): int(n) for pid, n in
            (re.match(r"^工作进程 (\d+) 做了 (\d+) 个任务$", line).groups()
             for line in result.lines if line.startswith("工作进程 ") and "做了" in line)}


def map_basics(result):
    assert count(result, r"^结果：\[1, 4, 9, 16, 25, 36, 49, 64\]$") == 1  # 与输入一一对应、顺序相同
    [workers] = numbers(result, r"8 个任务由 (\d+) 个工作进程完成")
    assert 1 <= workers <= 3  # 几个工作进程分担，各分到几个不固定
    assert count(result, "父进程 PID \\d+ 不在其中：True") == 1


def pool_vs_serial(result):
    [serial] = numbers(result, r"^串行：([\d.]+) 秒")
    [pooled] = numbers(result, r"^进程池 map：([\d.]+) 秒")
    assert serial >= 1.6
    assert 0.4 <= pooled < 0.9  # 两轮 × 0.2 秒，加上来回传递的开销；远小于串行
    assert count(result, r"^创建进程池（启动 4 个工作进程）：[\d.]+ 秒$") == 1
    assert result.lines[-1] == "结果相同：True"
    # 时间线：8 个任务都在工作进程里；同一时刻最多 4 个（池的大小），而且确实有几个同时在跑
    tasks = spans(result, "task")
    assert len(tasks) == 8 and 2 <= most_at_once(tasks) <= 4, tasks


def ordering(result):
    [total] = numbers(result, r"^map：([\d.]+) 秒后一次拿到整个列表 \['任务A', '任务B', '任务C'\]$")
    assert 0.6 <= total < 0.85  # 等最慢的任务A
    # imap：按输入顺序；任务B、C 早已完成，也要等任务A
    imap = [line for line in result.lines if line.startswith("imap：")]
    assert [line.split()[-1] for line in imap] == ["任务A", "任务B", "任务C"]
    times = numbers(result, r"^imap：([\d.]+) 秒")
    assert times[0] >= 0.6 and times[2] - times[0] < 0.1
    # imap_unordered：谁先完成先给谁
    unordered = [line for line in result.lines if line.startswith("imap_unordered：")]
    assert [line.split()[-1] for line in unordered] == ["任务B", "任务C", "任务A"]
    b, c, a = numbers(result, r"^imap_unordered：([\d.]+) 秒")
    assert 0.2 <= b < 0.35 and c >= 0.4 and a >= 0.6


def starmap_apply_async(result):
    assert result.lines[0] == "starmap：[1024, 9, 1]"
    # apply_async 立即返回；出错的任务先结束（0.2 秒），正常的 0.5 秒
    before(result, "apply_async 已立即返回", "error_callback")
    before(result, "error_callback：ZeroDivisionError: division by zero", "callback：2.5")
    assert count(result, r"^  callback：2.5（在父进程的线程 .+ 里）$") == 1
    assert count(result, "callback") == 2
    before(result, "callback：2.5", r"ok.get\(\) = 2.5")
    assert result.lines[-1] == "bad.get() 抛出 ZeroDivisionError: division by zero"


def chunksize(result):
    rows = {int(m[1]): (int(m[2]), float(m[3]), int(m[4])) for m in
            (re.match(r"^chunksize=(\d+)：(\d+) 批，用时 ([\d.]+) 秒，输入按工作进程分成 (\d+) 段$", line)
             for line in result.lines) if m}
    assert set(rows) == {1000, 1}
    big_batches, big_time, big_runs = rows[1000]
    one_batches, one_time, _ = rows[1]
    assert (big_batches, one_batches) == (4, 4000)
    assert big_runs <= big_batches  # 同一批的输入一定由同一个工作进程完成
    assert one_time > 3 * big_time  # 4000 次来回，明显比 4 次慢


def executor_basics(result):
    assert index(result, r"^submit 立即返回 Future，done\(\) = \[False, False, False\]$") == 0
    done = [line for line in result.lines if line.startswith("as_completed：")]
    assert [line.split()[-2] for line in done] == ["任务B（0.2", "任务C（0.4", "任务A（0.6"]
    b, c, a = numbers(result, r"^as_completed：([\d.]+) 秒")
    # 计时从父进程穿过栅栏算起；工作进程可能比父进程早几毫秒醒来开始 sleep，所以单个时刻可以比任务时长略短，
    # 但三个完成时刻之间的间隔只取决于任务时长之差（0.2 秒）
    assert 0.15 <= b < 0.35 and 0.15 <= c - b < 0.3 and 0.15 <= a - c < 0.3, result.output
    expected = "['任务A（0.6 秒）', '任务B（0.2 秒）', '任务C（0.4 秒）']"
    assert count(result, rf"^按提交顺序 result\(\)：{re.escape(expected)}$") == 1
    assert count(result, rf"^map：{re.escape(expected)}$") == 1


def executor_exception(result):
    assert result.lines[0] == "good.result() = 42"
    assert count(result, r"^bad.result\(\) 抛出 ValueError: invalid literal for int\(\) with base 10: '四十二'$") == 1
    # 工作进程里的回溯作为文本附在 __cause__ 上，指向任务函数里出错的那一行
    assert count(result, r"^__cause__ 是 _RemoteTraceback") == 1
    assert count(result, r'File ".*executor_exception.py", line \d+, in parse') == 1
    assert count(result, r"^bad.exception\(\) 不抛出，直接返回异常对象：ValueError\(") == 1
    assert result.lines[-1] == "之后的任务照常运行：7"


def pool_exception(result):
    assert result.lines[0] == "get() 抛出 ValueError: invalid literal for int() with base 10: '四十二'"
    # Pool 也附带工作进程的回溯：__cause__ 是 RemoteTraceback，文本指向任务函数里出错的那一行
    assert count(result, r"^__cause__ 是 multiprocessing\.pool\.RemoteTraceback，内容：") == 1
    assert count(result, r'File ".*pool_exception.py", line \d+, in parse') == 1
    # 父进程里的异常是解封出来的副本：它自己的回溯只有父进程的栈帧（止于 get），没有工作进程的
    [listed] = [line for line in result.lines if line.startswith("error.__traceback__ 里的函数：")]
    frames = ast.literal_eval(listed.split("：", 1)[1])
    assert frames[-1] == "get" and not {"parse", "worker"} & set(frames), frames


def broken_pool(result):
    assert count(result, r"^崩溃的任务：BrokenProcessPool: ") == 1
    # 排队的任务也一起失败，之后的提交立即失败
    assert count(result, r"^排在后面的任务：BrokenProcessPool: ") == 1
    assert count(result, r"^再提交新任务：BrokenProcessPool: ") == 1
    assert count(result, "完成") == 1 and result.lines[-1] == "新执行器：完成"


def pool_worker_dies(result):
    assert result.lines[0] == "等了 1 秒，没有结果也没有异常：TimeoutError，ready() = False"
    assert result.lines[1] == "工作进程：之前 2 个，之后 2 个，其中换了新的 1 个"
    assert result.lines[2] == "Pool 还能用：square(7) = 49"


def maxtasksperchild(result):
    done = _pid_counts(result)
    assert sum(done.values()) == 6
    assert max(done.values()) <= 2  # 做满 2 个就退出
    [used] = numbers(result, r"先后用了 (\d+) 个工作进程")
    assert used == len(done) >= 3


def executor_max_tasks(result):
    assert result.lines[0] == "工作进程的类型：['SpawnProcess']"
    done = _pid_counts(result)
    assert sum(done.values()) == 6
    assert max(done.values()) <= 2
    [used] = numbers(result, r"先后用了 (\d+) 个工作进程")
    assert used == len(done) >= 3


def initializer(result):
    inits = [int(m[1]) for m in (re.match(r"^工作进程 (\d+)：初始化，收到 \{'factor': 10\}$", line)
                                 for line in result.lines) if m]
    assert len(inits) == 2  # 每个工作进程一次，与任务数无关
    tasks = [(int(m[1]), int(m[2])) for m in (re.match(r"^(\d) × 10 = (\d+)（工作进程 (\d+)）$", line)
                                              for line in result.lines) if m]
    assert [x for x, _ in tasks] == list(range(6)) and all(v == 10 * x for x, v in tasks)
    pids = [int(m[1]) for m in (re.search(r"（工作进程 (\d+)）$", line) for line in result.lines) if m]
    assert len(pids) == 6 and set(pids) <= set(inits)
    # 初始化的行在任何任务结果之前
    assert max(i for i, line in enumerate(result.lines) if "初始化" in line) < index(result, "^0 × 10")


def lambda_task(result):
    assert count(result, rf"^启动方法：{result.start_method}$") == 1
    assert count(result, r"^Pool.map\(模块级函数\)：\[2, 4, 6\]$") == 1
    # 与启动方法无关，包括 fork：任务一律要 pickle
    assert count(result, r"^Pool.map\(lambda\) 失败：(PicklingError|AttributeError): .*lambda") == 1
    assert count(result, r"^ProcessPoolExecutor.submit\(lambda\) 失败：(PicklingError|AttributeError): .*lambda") == 1
    assert Counter(line.split("：")[0] for line in result.lines if "失败" in line).total() == 2


def function_in_main_guard(result):
    if result.start_method == "fork":
        # fork 的工作进程是父进程的副本，函数就在内存里
        assert result.lines == ["ProcessPoolExecutor：结果 42", "Pool：结果 42"], result.output
    else:
        # 工作进程解封任务时找不到函数而崩溃（两段回溯）：执行器变成 BrokenProcessPool，Pool 换上新进程、任务丢失
        # 消息随版本不同：3.11 是 Can't get attribute 'double' on <module '__mp_main__' ...>
        assert count(result, r"^AttributeError: .*'double'") == 2
        before(result, "^AttributeError", "^ProcessPoolExecutor：BrokenProcessPool$")
        assert result.lines[-1] == "Pool：等了 1 秒也没有结果"
        assert count(result, "结果 42") == 0

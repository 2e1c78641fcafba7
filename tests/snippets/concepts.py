"""docs/concepts.md 的说法。"""


from _helpers import before, count, index, numbers


def same_code_two_processes(result):
    [parent] = numbers(result, r"父进程 (\d+)")
    children = numbers(result, r"进程 (\d+) 打开了 笔记[AB]\.txt")
    # 同一个函数在两个进程里运行：两个不同的 PID，也都不是父进程的 PID
    assert len(children) == 2 and len(set(children)) == 2
    assert parent not in children
    before(result, "打开了 笔记A", "都已结束")
    before(result, "打开了 笔记B", "都已结束")


def threads_in_one_process(result):
    [main_pid] = numbers(result, r"主线程：PID (\d+)")
    pids = numbers(result, r"线程[AB]：PID (\d+)")
    tids = numbers(result, r"线程[AB]：PID \d+，线程号 (\d+)")
    [main_tid] = numbers(result, r"主线程：PID \d+，线程号 (\d+)")
    assert pids == [main_pid, main_pid]  # 同一个进程
    assert len(set(tids)) == 2 and main_tid not in tids  # 各是一个线程
    # 线程共享内存：主线程看得到两个线程的修改
    assert count(result, r"主线程看到的 visited = \['线程A', '线程B'\]") == 1


def coroutines_cooperate(result):
    threads = numbers(result, r"线程号 (\d+)")
    assert len(threads) == 4 and len(set(threads)) == 1  # 全都在同一个线程里
    cooperative, blocking = numbers(result, r"共用 ([\d.]+) 秒")
    split = index(result, "用 time.sleep")
    lines = result.lines
    first, second = lines[:split], lines[split:]
    # await：B 在 A 等待期间就开始了，两段等待重叠
    assert [i for i, line in enumerate(first) if "开始等待" in line] == [1, 2]
    # 阻塞：A 等完 B 才开始，两段等待首尾相接
    order = [line.strip()[:8] for line in second if "协程" in line]
    assert order == ["协程A 开始等待", "协程A 等待结束", "协程B 开始等待", "协程B 等待结束"]
    assert 0.3 <= cooperative < 0.5  # ≈ 一次等待，而不是两次之和
    assert blocking >= 0.6 and blocking > cooperative + 0.2


def cpu_count(result):
    [logical] = numbers(result, r"os\.cpu_count\(\) = (\d+)")
    assert logical >= 1
    usable = numbers(result, r"os\.process_cpu_count\(\) = (\d+)")
    if result.python >= (3, 13):
        assert len(usable) == 1 and 1 <= usable[0] <= logical
    else:
        assert usable == [] and count(result, "3.13 新增") == 1
    for allowed in numbers(result, r"sched_getaffinity\(0\)\) = (\d+)"):
        assert 1 <= allowed <= logical

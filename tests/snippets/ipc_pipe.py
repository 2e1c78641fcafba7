"""docs/ipc-pipe.md 的说法。"""

from _helpers import before, count, index, numbers, once


def ping_pong(result):
    # 一问一答：每个回合里子进程先收到 ping，父进程才收到对应的 pong，回合严格依次进行
    lines = [index(result, pattern) for n in (1, 2, 3)
             for pattern in (rf"子进程收到 \('ping', {n}\)", rf"父进程收到 \('pong', {n}\)")]
    assert lines == sorted(lines)
    assert result.lines[-1] == "打完 3 个回合，子进程已结束"


def one_way(result):
    before(result, r"收到： \{'任务': '任务A', '耗时': 0.2\}", r"收到： \('任务B', '完成'\)")
    before(result, r"收到： \('任务B', '完成'\)", r"收到： \[1, 2, 3\]")
    assert count(result, r"往接收端 send\(\)：OSError: connection is read-only") == 1


def send_bytes(result):
    once(result,
         r"recv_bytes\(\)：bytes，\d+ 字节 -> 原始字节，不经过封存",
         r"send\(\) 发来的原始数据：bytes，以 b'\\x80' 开头",
         r"pickle.loads\(\) 之后：\{'任务': '任务A', '结果': \[1, 2, 3\]\}",
         r"send\(lambda\)：当场抛出 \w*(Pickl|Attribute)\w*Error")


def poll_timeout(result):
    assert index(result, r"poll\(\)（不等）：False") == 0
    waits = numbers(result, r"poll\(0.2\) -> False，已过 ([\d.]+) 秒")
    # 子进程收到“开始”0.5 秒后才发送：前面的 poll(0.2) 落空（通常两次；负载重时父进程可能被耽搁，至少一次），
    # 落空的每次都等满了 0.2 秒
    assert len(waits) >= 1
    assert all(w >= 0.19 * (i + 1) for i, w in enumerate(waits))
    [ready] = numbers(result, r"poll\(0.2\) -> True，已过 ([\d.]+) 秒")
    assert ready >= 0.5
    assert result.lines[-1] == "recv()： 任务A 的结果"


def read_until_eof(result):
    assert count(result, "子进程收到：第 . 件") == 3
    before(result, "子进程收到：第 1 件", "子进程收到：第 2 件")
    before(result, "子进程收到：第 2 件", "子进程收到：第 3 件")
    before(result, "子进程收到：第 3 件", "EOFError")
    assert count(result, "共收到 3 件") == 1
    assert count(result, "父进程：3 件已发送，写端已关闭") == 1


def inherited_copy(result):
    # 页面上并排比较：只有 fork 会把父进程的写端悄悄继承给子进程
    if result.start_method == "fork":
        assert count(result, r"收到 3 件后 poll\(1\) 超时，没有 EOF") == 1
        assert count(result, "EOFError") == 0
    else:
        assert count(result, "收到 3 件后 recv\\(\\) 抛出 EOFError，正常结束") == 1
        assert count(result, "超时") == 0


def forgot_to_close(result):
    assert count(result, "父进程收到： 第 . 件") == 3
    before(result, "第 3 件", "poll\\(1\\) 超时")
    assert count(result, "EOFError") == 0
    assert count(result, r"exitcode = 0") == 1


def round_trip(result):
    [pipe] = numbers(result, r"Pipe ：每个来回 ([\d.]+) 微秒")
    [queue] = numbers(result, r"Queue：每个来回 ([\d.]+) 微秒")
    # 先后不是不变量：机器很忙时偶尔颠倒（3 个占满 CPU 的进程下 30 次里有 1 次），页面也这么说；
    # 不变的是：两个数都是真测出来的，最后一行的结论和倍数与这两个数一致
    assert pipe > 0 and queue > 0
    # 微秒数打印时已取整，倍数按打印的数字核对，留出取整的误差
    if ratios := numbers(result, r"这次运行：管道更快，队列用时是它的 ([\d.]+) 倍"):
        slow, fast = queue, pipe
    else:
        ratios = numbers(result, r"这次运行：队列反而更快，管道用时是它的 ([\d.]+) 倍")
        slow, fast = pipe, queue
    [ratio] = ratios
    assert fast <= slow
    assert abs(ratio - slow / fast) <= 0.05 + 0.06 * slow / fast

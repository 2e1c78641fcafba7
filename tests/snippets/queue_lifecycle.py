"""docs/queue-lifecycle.md 的说法。"""

import re

from _helpers import before, count, numbers


def put_returns_early(result):
    [put] = numbers(result, r"^put\(\) 用了 ([\d.]+) 秒就返回了$")
    [got] = numbers(result, r"^get\(\) 在 ([\d.]+) 秒时才拿到 Bulky$")
    assert got >= 0.3 and put < 0.2  # 封存的 0.3 秒花在喂数据线程里
    # qsize() 数的是 put() 过的件数（macOS 上不支持），empty() 看的是管道里有没有数据
    assert re.fullmatch(r"紧接着：qsize\(\) = (1|（本平台不支持）)，empty\(\) = True", result.lines[1])
    assert result.lines[2] == "get_nowait()：queue.Empty，数据还没进管道"


def exit_waits_for_feeder(result):
    before(result, r"^子进程：1000 次 put\(\) 都返回了，函数结束$", r"^父进程：子进程的函数已经结束")
    assert count(result, r"^父进程：子进程的函数已经结束，join\(timeout=0\.5\) 之后 is_alive\(\) = True$") == 1
    assert re.fullmatch(r"父进程：取到 1000 件，又过了 [\d.]+ 秒，子进程退出码 0", result.lines[-1])


def close_join_thread(result):
    assert count(result, r"^子进程：close\(\) 之后再 put\(\)：ValueError: Queue <…> is closed$") == 1
    [waited] = numbers(result, r"^子进程：join_thread\(\) 等了 ([\d.]+) 秒$")
    assert waited >= 0.25  # 父进程 0.3 秒后才开始取：喂数据线程一直写不完
    assert result.lines[-1] == "父进程：取到 1000 件，子进程退出码 0"


def cancel_join_thread(result):
    assert result.lines[0] == "父进程：子进程已退出（is_alive() = False，退出码 0），还没取过数据"
    [received] = numbers(result, r"只取到 (\d+) 件")
    assert received < 100  # 管道只装得下几十件；其余的随进程一起丢了
    numbered = re.findall(r"编号 (\d+)…(\d+)", result.output)
    if received:
        assert numbered == [("0", str(int(received) - 1))]  # 收到的是最前面的几件
    else:
        assert "一件也没有" in result.lines[-1]


def terminate_producer(result):
    assert result.lines[0] == "生产者的 1000 次 put() 都已返回；terminate() 之后退出码 -15"
    [(received, first, last, lost)] = re.findall(r"^取到 (\d+) 件（编号 (\d+)…(\d+)），其余 (\d+) 件丢了$", result.output, re.M)
    assert 0 < int(received) < 100 and int(received) + int(lost) == 1000
    assert first == "0" and int(last) == int(received) - 1  # 按顺序写进管道的最前面几件
    # 生产者死在写管道的途中，写锁没有释放：父进程自己放的数据也写不进去了
    assert result.lines[-1] == "父进程自己再放一件，0.5 秒内也取不到：写锁还在死去的生产者手里"

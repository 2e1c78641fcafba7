"""docs/ipc-queue.md 的说法。"""

import re

from _helpers import before, count, index, numbers


def any_object(result):
    # 先进先出：取出的顺序就是放入的顺序
    order = [r"取出：1（int）", r"取出：'任务A'（str）", r"取出：\[1, 2, 3\]（list）",
             r"取出：\{'id': 7, 'ok': True\}（dict）", r"取出：函数 shout（function），调用它得到 'HELLO!'"]
    positions = [index(result, pattern) for pattern in order]
    assert positions == sorted(positions)
    assert count(result, "子进程取出") == 5
    before(result, "父进程放入了 5 个对象", "子进程取出")


def lambda_lost(result):
    # 错误在后台线程里报告（回溯），put() 本身没抛；第一件被丢掉，取到的是第二件
    assert count(result, r"PicklingError|AttributeError") >= 1
    before(result, "Traceback", "put\\(lambda\\) 没有抛异常")
    assert count(result, r"get\(\) 取到的第一件却是：'第二件'") == 1


def get_timeout_crash(result):
    assert count(result, "^取出：") == 3  # 回溯里引用的源码行也含“取出：”，只数行首的
    before(result, "第 4 次 get", "Traceback")
    assert count(result, "这一行不会出现") == 0
    assert re.fullmatch(r"(_?queue\.)?Empty", result.lines[-1])


def get_timeout_handled(result):
    [waited] = numbers(result, r"get\(timeout=0.3\)：等了 ([\d.]+) 秒")
    assert 0.29 <= waited < 1.0
    [immediate] = numbers(result, r"get\(block=False\)：等了 ([\d.]+) 秒")
    assert immediate < 0.1
    assert index(result, "程序继续运行") == 2


def maxsize_full(result):
    [immediate] = numbers(result, r"put\(block=False\)：([\d.]+) 秒后抛出 queue.Full")
    assert immediate < 0.1
    [waited] = numbers(result, r"put\(timeout=0.3\)：([\d.]+) 秒后抛出 queue.Full")
    assert 0.29 <= waited < 1.0
    before(result, "取出： 任务A", "再 put 任务C：成功")
    assert count(result, "剩下的依次是： 任务B 任务C") == 1


def producer_consumer(result):
    pattern = re.compile(r"(消费者-\d)：收到哨兵值，处理了 (\d+) 件：\[([\d, ]*)\]")
    seen = {}
    for line in result.lines:
        if m := pattern.search(line):
            items = [int(x) for x in m.group(3).split(",") if x.strip()]
            assert len(items) == int(m.group(2))
            assert items == sorted(items)  # 同一个消费者依次 get，先进先出：清单内部从小到大
            seen[m.group(1)] = items
    assert sorted(seen) == ["消费者-1", "消费者-2"]  # 两个消费者都收到了哨兵值，正常停下
    consumed = seen["消费者-1"] + seen["消费者-2"]
    assert sorted(consumed) == list(range(1, 11))  # 每件数据恰好被处理一次
    assert count(result, "生产者：放入 10 件数据和 2 个哨兵值 None") == 1
    assert result.lines[-1] == "父进程：所有进程都已结束"

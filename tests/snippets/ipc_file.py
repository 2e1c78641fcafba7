"""docs/ipc-file.md 的说法。"""

import re

from _helpers import count, numbers, overlaps, spans

TICKETS, BUYERS = 2, 5


def _left(result):
    [left] = numbers(result, r"现在文件里写着剩余 (\d+) 张")
    return int(left)


def ticket_no_lock(result):
    assert count(result, "查询：剩余 2 张") == BUYERS  # 查询都在开售之前
    sold = count(result, "购买成功")
    assert sold > TICKETS  # 超卖
    assert sold + _left(result) > TICKETS  # 卖出的加上剩下的，比原有的多：文件里的数也错了
    assert spans(result, "hold") == []  # 时间线：没有锁


def ticket_with_lock(result):
    assert count(result, "购买成功") == TICKETS
    assert count(result, "购买失败：没有余票") == BUYERS - TICKETS
    assert _left(result) == 0
    # 时间线：每个顾客持锁一次，持锁区间互不重叠（栅栏内部的锁不算）
    assert len(spans(result, "hold")) == BUYERS and overlaps(result, "hold") == 0


def _reads(result):
    [line] = [line for line in result.lines if line.startswith("读者：")]
    total, good, bad = map(int, re.findall(r"(\d+) 次", line))
    assert total == good + bad == 20
    return good, bad


def torn_read(result):
    good, bad = _reads(result)
    assert bad >= 1 and good >= 1
    assert count(result, r"例如读到 '.*' → json\.JSONDecodeError: ") == 1


def atomic_replace(result):
    good, bad = _reads(result)
    assert bad == 0
    [line] = [line for line in result.lines if "读到的余票依次是" in line]
    seen = [int(n) for n in re.findall(r"\d+", line.split("：", 1)[1])]
    # 只会是某个完整的版本，并且按写入的先后出现
    assert set(seen) <= {3, 2, 1, 0} and seen == sorted(seen, reverse=True) and len(seen) >= 2

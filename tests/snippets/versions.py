"""docs/versions.md 的说法：每一项变化从表里写的那个版本开始才有。"""

import re

from _helpers import count


def whats_new(result):
    version = result.python
    assert result.lines[0] == f"CPython {version[0]}.{version[1]}"
    assert count(result, f"^默认启动方法：{result.start_method}$") == 1
    [methods] = [line for line in result.lines if line.startswith("可用的启动方法：")]
    methods = re.findall(r"'(\w+)'", methods)
    assert sorted(methods) == ["fork", "forkserver", "spawn"]
    if version >= (3, 14):  # 3.14 起默认的排在最前面
        assert methods[0] == result.start_method
    else:
        assert methods == ["fork", "spawn", "forkserver"]
    rows = [re.fullmatch(r"\[3\.(\d+)\] (.+)：(是|否)", line) for line in result.lines[3:]]
    assert len(rows) == 17 and all(rows), result.output
    for row in rows:
        since = (3, int(row.group(1)))
        assert (row.group(3) == "是") == (version >= since), row.group(0)

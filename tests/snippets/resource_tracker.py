"""docs/resource-tracker.md 的说法。"""

import os
import re

from _helpers import before, count, index

LEAK_WARNING = r"UserWarning: resource_tracker: There appear to be (\d+) leaked (\w+) objects to clean up at shutdown"


def _warnings(result):
    """资源追踪器打印的泄漏警告：[(个数, 类型, 列出的名字)]；3.13 起警告末尾列出名字。"""
    found = []
    for line in result.lines:
        if m := re.search(LEAK_WARNING + r"(?:: \{(.*)\})?$", line):
            names = set(re.findall(r"'/([^']+)'", m.group(3) or ""))
            found.append((int(m.group(1)), m.group(2), names))
    return found


def _gone(name):
    return not os.path.exists(f"/dev/shm/{name}")


def one_tracker(result):
    created = re.findall(r"创建 (psm_\w+)，管道 (pipe:\[\d+\])", result.output)
    assert len(created) == 3, result.output
    # 父进程和两个子进程写给同一根管道，也就是同一个追踪器
    assert len({pipe for _, pipe in created}) == 1, result.output
    assert count(result, r"^追踪器：PID \d+，运行的是$") == 1
    assert count(result, r"^  from multiprocessing\.resource_tracker import main;main\(\d+\)$") == 1
    # 只有一条警告，由那一个追踪器在父进程结束之后打印，三块都算在里面
    warnings = _warnings(result)
    assert [(n, kind) for n, kind, _ in warnings] == [(3, "shared_memory")], result.output
    before(result, "^父进程结束$", LEAK_WARNING)
    if result.python >= (3, 13):
        assert warnings[0][2] == {name for name, _ in created}
    # 追踪器把它们都删了（读到输出的 EOF 时追踪器已经退出）
    assert all(_gone(name) for name, _ in created), result.output


def leaked_semaphore(result):
    m = re.search(r"锁的信号量名：(\S+)", result.output)
    assert m, result.output
    warnings = _warnings(result)
    if result.start_method == "fork":
        # fork 下信号量创建后立即 unlink，没有名字，也就没有要跟踪、要清理的东西
        assert m.group(1) == "None"
        assert warnings == [] and count(result, "resource_tracker") == 0, result.output
        return
    name = m.group(1).lstrip("/")
    assert count(result, "^它在 /dev/shm 里： True$") == 1
    # 一把锁 + 队列里的两把锁和一个信号量 = 4 个
    assert [(n, kind) for n, kind, _ in warnings] == [(4, "semaphore")], result.output
    if result.python >= (3, 13):
        assert name in warnings[0][2] and len(warnings[0][2]) == 4
    assert _gone(f"sem.{name}")  # 追踪器 sem_unlink 了它


def close_unlink(result):
    before(result, "^子进程：写入并 close\\(\\)，名字还在：True$", "^父进程：读到 42$")
    before(result, "^父进程：读到 42$", "^父进程 close\\(\\) 之后，名字还在：True$")
    assert result.lines[-1] == "父进程 unlink() 之后，名字还在：False"
    assert count(result, "resource_tracker|Warning") == 0, result.output


def forgot_unlink(result):
    name = re.search(r"程序 B：创建 (psm_\w+)，close\(\) 但不 unlink\(\)", result.output).group(1)
    warnings = _warnings(result)
    assert [(n, kind) for n, kind, _ in warnings] == [(1, "shared_memory")], result.output
    # 3.13 起警告列出名字，之前只有个数
    assert warnings[0][2] == ({name} if result.python >= (3, 13) else set()), result.output
    before(result, LEAK_WARNING, "^程序 A：")
    assert result.lines[-2:] == ["程序 A：B 和它的追踪器都已退出", f"程序 A：/dev/shm/{name} 还在：False"]
    assert _gone(name)


def unlink_in_child(result):
    before(result, "^子进程：写入，close\\(\\)，unlink\\(\\)$", "^父进程自己的映射还能读：42$")
    assert count(result, "^名字还在：False$") == 1
    assert count(result, r"^再按名字连接：FileNotFoundError$") == 1
    assert re.fullmatch(r"FileNotFoundError: \[Errno 2\] No such file or directory: '/psm_\w+'", result.lines[-1])
    assert _warnings(result) == [], result.output


def other_program(result):
    name = re.search(r"程序 A：创建 (psm_\w+)", result.output).group(1)
    warnings = _warnings(result)
    # B 的追踪器一条（它删掉了 A 的内存），A 的追踪器退出时又一条
    assert [(n, kind) for n, kind, _ in warnings] == [(1, "shared_memory")] * 2, result.output
    b_warning = index(result, LEAK_WARNING)
    assert index(result, "^程序 B：连上") < b_warning < index(result, "^程序 A：名字还在：False$")
    assert count(result, r"^程序 A：unlink\(\) 失败：FileNotFoundError$") == 1
    end = index(result, "^程序 A 结束$")
    assert sum(1 for line in result.lines[end:] if re.search(LEAK_WARNING, line)) == 1
    # A 的追踪器也想删，但名字早已没有了
    assert any(re.search(rf"UserWarning: resource_tracker: '/{name}': \[Errno 2\]", line)
               for line in result.lines[end:]), result.output
    assert _gone(name)


def track_false(result):
    if result.python < (3, 13):
        # 没有 track 参数：B 还没连上就因为 TypeError 退出了，A 的内存自然没事
        assert count(result, r"^TypeError: SharedMemory\.__init__\(\) got an unexpected keyword argument 'track'$") == 1
        assert count(result, "^程序 B：") == 0
        assert count(result, "^程序 A：名字还在：True$") == 1
        assert result.lines[-1] == "程序 A：unlink() 成功，结束"
        return
    assert count(result, r"^程序 B：track=False 连上 psm_\w+，读到 b'hello'$") == 1
    assert count(result, "^程序 A：名字还在：True$") == 1
    assert result.lines[-1] == "程序 A：unlink() 成功，结束"
    assert count(result, "resource_tracker|Warning|Traceback") == 0, result.output


def colon_name(result):
    assert count(result, r"^创建了 demo:\d+$") == 1
    assert count(result, "^close\\(\\) 和 unlink\\(\\) 都完成了$") == 1
    # 追踪器读到 REGISTER 和 UNREGISTER 两条消息，3.13 及以前每条都解析失败、打印一段回溯
    failures = count(result, r"^ValueError: too many values to unpack \(expected 3\)$")
    assert failures == (2 if result.python < (3, 14) else 0), result.output
    assert count(result, "Traceback") == failures

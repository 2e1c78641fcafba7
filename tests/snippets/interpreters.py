"""docs/subinterpreters.md 的说法（片段都声明了 requires=3.14：只在 3.14+ 上运行）。"""

import re

from _helpers import before, count, index, numbers


def first_interpreter(result):
    if result.python < (3, 14):  # 3.13 及更早没有这个模块
        assert result.lines[-1].startswith("ImportError: cannot import name 'interpreters' from 'concurrent'")
        return
    [(main_id, main_pid)] = re.findall(r"主解释器 id=(\d+)，进程 (\d+)", result.output)
    [(sub_id, sub_pid)] = re.findall(r"子解释器 id=(\d+)，进程 (\d+)", result.output)
    assert main_id == "0" and sub_id != "0"  # 主解释器的 id 是 0，新建的另有编号
    assert sub_pid == main_pid  # 同一个进程
    assert count(result, r"^call\(hypot, 3, 4\) = 5\.0$") == 1
    # 子解释器里改了 math、定义了 counter；主解释器里都没有
    assert count(result, r"子解释器：math\.answer = 42，counter = 2") == 1
    assert count(result, r"主解释器：hasattr\(math, 'answer'\) = False，'counter' in globals\(\) = False") == 1


def exec_failed(result):
    assert count(result, r"^exec\(\)：ExecutionFailed$") == 1
    assert count(result, r"^Uncaught in the interpreter:$") == 1
    assert count(result, r'File "<script>", line 2') == 1  # 子解释器里的回溯指向源码的第 2 行
    assert count(result, r"^原来的异常类型：IndexError$") == 1
    assert count(result, r"^call\(\)：ExecutionFailed$") == 1
    assert count(result, r"^原来的异常：ValueError: invalid literal for int\(\) with base 10: '七'$") == 1
    assert result.lines[-1] == "出过错的子解释器还能接着用"


def main_rerun(result):
    runs = re.findall(r"__name__ = '([^']+)'", result.output)
    assert runs == ["__main__", "<fake __main__>"]  # 顶层代码只在子解释器里多运行一次，而且不是 "__main__"
    # 只用参数的函数不触发重新运行；用到全局变量的那个才触发，之后的调用不再重复
    before(result, r"^double\(21\) = 42$", r"<fake __main__>")
    before(result, r"<fake __main__>", r"^with_tax\(100\) = 106\.0$")
    assert result.lines[-1] == "with_tax(50) = 53.0"


def queue_workers(result):
    parts = re.findall(r"子解释器 (\d+) 算了 \[([\d,]+), ([\d,]+)\)：([\d,]+)", result.output)
    assert len(parts) == 2 and len({p[0] for p in parts}) == 2  # 两个不同的子解释器各放回一件
    expected = sum(i * i for i in range(1_000_000))
    [(total, direct)] = re.findall(r"合计 ([\d,]+)，主解释器直接算 ([\d,]+)", result.output)
    assert int(total.replace(",", "")) == int(direct.replace(",", "")) == expected


def copy_or_share(result):
    shareable = dict(re.findall(r"^\s*(\w+)\s+is_shareable = (True|False)$", result.output, re.M))
    for name in ("NoneType", "bool", "int", "float", "str", "bytes", "tuple", "memoryview", "Queue"):
        assert shareable[name] == "True", name
    for name in ("list", "dict", "bytearray", "lock"):
        assert shareable[name] == "False", name
    # 列表是副本：子解释器追加的 100 不在主解释器的列表里；memoryview 指向同一块内存
    assert count(result, r"^子解释器：scores = \[90, 95, 100\]，view = b'Jello'$") == 1
    assert result.lines[-1] == "主解释器：scores = [90, 95]，buffer = b'Jello'"


def not_shareable(result):
    assert count(result, r"^prepare_main\(scores=\[90, 95\]\)：NotShareableError: \[90, 95\] does not support cross-interpreter data$") == 1
    assert count(result, r"^queue\.put\(\[90, 95\]\) 可以，取出 \[90, 95\]$") == 1
    before(result, r"^queue\.put", r"^Traceback")
    assert re.fullmatch(r"concurrent\.interpreters\.NotShareableError: <unlocked _thread\.lock object at 0x[0-9a-f]+> "
                        r"does not support cross-interpreter data", result.lines[-1])


def unsupported_extension(result):
    # 单阶段初始化的扩展模块：主解释器能导入，子解释器里 ImportError
    for name in ("_testsinglephase", "readline"):
        line = index(result, rf"^{name}：")
        if "主解释器里也导入不了" in result.lines[line]:
            continue  # 有的构建不带这个模块（本站构建用的 Debian 构建两个都有）
        assert result.lines[line] == f"{name}：主解释器可以导入"
        assert result.lines[line + 1] == "  子解释器里 ImportError:"
        assert result.lines[line + 2] == f"    module {name} does not support loading in subinterpreters"
    assert count(result, r"^_testsinglephase：主解释器可以导入$") + count(result, r"^readline：主解释器可以导入$") >= 1
    assert count(result, r"^json：主解释器可以导入$") == 1
    assert result.lines[-1] == "  子解释器里也可以"


def pool_compare(result):
    [cpus] = numbers(result, r"逻辑 CPU：(\d+) 个")
    starts = dict((name, float(ms)) for name, ms in re.findall(r"^(\S+?)启动：([\d.]+) 毫秒$", result.output, re.M))
    assert set(starts) == {"线程池", "子解释器池", "进程池"}
    # 创建解释器（每个都要初始化一遍，还要重新运行主脚本）比创建线程贵得多
    assert starts["线程池"] < starts["子解释器池"], result.output
    if result.start_method != "fork":  # forkserver 和 spawn 要启动新的解释器进程，比子解释器还贵；fork 只是复制
        assert starts["子解释器池"] < starts["进程池"], result.output
    rows = {name: (float(wall), float(cores), float(speed)) for name, wall, cores, speed in re.findall(
        r"^(\S+?)计算：([\d.]+) 秒，同时在算 ([\d.]+) 个核心，是线程池的 ([\d.]+) 倍速$", result.output, re.M)}
    assert set(rows) == {"线程池", "子解释器池", "进程池"}
    assert rows["线程池"][1] < 1.3  # 一个 GIL：两个线程轮流算
    if cpus >= 2:
        for name in ("子解释器池", "进程池"):  # 各有各的 GIL：两个核心同时算
            assert rows[name][1] >= 1.6, result.output
        # 墙钟上两者一样快（页面：相差不到三成）。相对线程池的倍数不设下限：两个核心都忙时
        # 每个核心可能变慢（页面有说明），同一轮里的子解释器池和进程池受到同样的影响
        [ratio] = numbers(result, r"^子解释器池 ÷ 进程池，同一轮的计算耗时之比：([\d.]+)")
        assert 1 / 1.3 <= ratio <= 1.3, result.output


def fork_crash(result):
    codes = dict(re.findall(r"^(\w+，子解释器\S{3})：子进程的退出码 (-?\d+)$", result.output, re.M))
    assert codes == {"fork，子解释器还开着": "-11", "fork，子解释器已关闭": "0",  # gh-139759：段错误
                     "forkserver，子解释器还开着": "0", "forkserver，子解释器已关闭": "0"}, result.output
    assert count(result, r"^  子进程：你好$") == 3  # 段错误的那个子进程一行也没运行

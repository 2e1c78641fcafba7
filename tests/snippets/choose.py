"""docs/choose.md 的说法。"""

import sys

from _helpers import overlaps, count, numbers


def _gil_enabled():
    # 片段和测试用同一个解释器运行；3.13 以前只有带 GIL 的构建
    return getattr(sys, "_is_gil_enabled", lambda: True)()


def cpu_bound(result):
    [cpus] = numbers(result, r"逻辑 CPU：(\d+) 个")
    assert count(result, "GIL：开启") == (1 if _gil_enabled() else 0)
    [serial] = numbers(result, r"串行：([\d.]+) 秒")
    [thread_speedup] = numbers(result, r"线程池：[\d.]+ 秒，加速 ([\d.]+) 倍")
    [process_speedup] = numbers(result, r"进程池：[\d.]+ 秒，加速 ([\d.]+) 倍")
    serial_cores, thread_cores, process_cores = numbers(result, r"平均同时在算的核心：([\d.]+) 个")
    assert serial >= 0.3  # 两个任务确实在算，不是瞬间完成
    assert serial_cores <= 1.1  # 一个线程最多用满一个核心
    if _gil_enabled():
        # 有 GIL：同一时刻只有一个线程在执行 Python 代码。墙钟加速的上限留了余量：
        # 本机单核速度随宿主机负载起伏，串行和线程池那几轮不一定碰上同样的速度
        assert thread_cores < 1.3 and thread_speedup < 2.0, result.output
    if cpus >= 2:
        # 两个进程在两个核心上同时算。墙钟加速不设下限：两个核心都忙时每个核心可能变慢，
        # 在本站的共享虚拟机上实测只有 1.0–2.0 倍（页面有说明）；“同时在算的核心数”不受这个影响
        assert process_cores >= 1.5, result.output
        assert process_speedup > thread_speedup - 0.2, result.output
        # 时间线：两个工作进程的计算任务在时间上重叠
        assert overlaps(result, "task") >= 1


def io_bound(result):
    [serial] = numbers(result, r"串行：\s*([\d.]+) 秒")
    [threads] = numbers(result, r"线程池：([\d.]+) 秒")
    [processes] = numbers(result, r"进程池：([\d.]+) 秒")
    [single] = numbers(result, r"asyncio：([\d.]+) 秒")
    [many] = numbers(result, r"同时等 5000 个任务：([\d.]+) 秒")
    assert serial >= 8 * 0.1  # 依次等：各次等待之和
    assert 0.1 <= threads < 0.4  # 8 次等待重叠在一起，约等于一次
    assert 0.1 <= single < 0.4
    assert processes >= 0.1  # 也是重叠等待，但另外要付创建进程的开销（不断言上限：随启动方法和负载变化）
    assert 0.1 <= many < serial  # 五千个协程同时等，仍少于 8 个任务串行等


def mixed_offload(result):
    [blocked] = numbers(result, r"直接算：计算 [\d.]+ 秒，期间心跳最长间隔 ([\d.]+) 秒")
    [free] = numbers(result, r"交给进程池：计算 [\d.]+ 秒，期间心跳最长间隔 ([\d.]+) 秒")
    computes = numbers(result, r"计算 ([\d.]+) 秒")
    assert blocked >= computes[0] >= 0.2  # 整段计算期间心跳一次也没醒
    assert blocked < computes[0] + 0.3, result.output  # 页面：约等于计算时间再加一次心跳间隔（0.1 秒）
    assert 0.1 <= free < blocked / 2, result.output  # 计算在别的进程里，心跳基本按时醒来


def interpreter_pool(result):
    [cpus] = numbers(result, r"逻辑 CPU：(\d+) 个")
    [serial] = numbers(result, r"^串行：([\d.]+) 秒")
    [thread_speedup] = numbers(result, r"^线程池：[\d.]+ 秒，加速 ([\d.]+) 倍")
    [best] = numbers(result, r"^子解释器池：([\d.]+) 秒，加速")
    [ratio] = numbers(result, r"^子解释器池 ÷ 进程池，同一轮的耗时之比：([\d.]+)")
    serial_cores, thread_cores, interp_cores, process_cores = numbers(result, r"同时在算的核心：([\d.]+) 个")
    [first] = numbers(result, r"^子解释器池的第一轮：([\d.]+) 秒")
    assert serial >= 0.1  # 两个任务确实在算
    assert serial_cores <= 1.1
    if _gil_enabled():
        # 线程共用一个 GIL：同一时刻只有一个在算，不会比串行快（倍数的上限留了单核速度起伏的余量）
        assert thread_cores < 1.3 and thread_speedup < 1.5, result.output
    if cpus >= 2:
        # 热身之后：两个子解释器在两个核心上同时计算，和两个进程一样
        assert interp_cores >= 1.5 and process_cores >= 1.5, result.output
        # 墙钟上和同一轮的进程池一样快（页面：相差不到三成）。加速倍数本身不设下限：
        # 两个核心都忙时每个核心可能变慢（页面有说明），进程池在同一轮里受到同样的影响
        assert 1 / 1.3 <= ratio <= 1.3, result.output
    # 第一轮要先创建子解释器：比热身之后最快的一轮慢
    assert first >= best + 0.01, result.output

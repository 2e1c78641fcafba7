"""docs/process-object.md 的说法。"""

from _helpers import before, count, index, numbers, once


def attributes(result):
    once(result,
         r"不给 name：Process-1、Process-2$",
         r"给了 name：打印任务-1$",
         r"start\(\) 之前：pid = None，is_alive\(\) = False，exitcode = None",
         r"start\(\) 之后：pid = \d+，is_alive\(\) = True，exitcode = None",
         r"join\(\) 之后：pid = \d+，is_alive\(\) = False，exitcode = 0")
    # 同一个子进程：start() 之后和 join() 之后的 pid 相同
    [running, done] = numbers(result, r"之后：pid = (\d+)")
    assert running == done


def terminate_async(result):
    [returned] = numbers(result, r"terminate\(\) 用了 ([\d.]+) 秒就返回：is_alive\(\) = True，exitcode = None")
    assert returned < 0.1  # 只是发出信号，不等子进程
    [waited] = numbers(result, r"join\(\) 等了 ([\d.]+) 秒：is_alive\(\) = False，exitcode = -15")
    assert waited >= 0.25  # 子进程收尾用了 0.3 秒，join() 一直等着
    assert count(result, "收到 SIGTERM，先花 0.3 秒收尾") == 1
    before(result, "terminate", "join")


def kill_vs_terminate(result):
    assert count(result, "收到 SIGTERM，不理它") == 1
    # 父进程等到处理函数运行完才看：子进程捕获了 SIGTERM，仍然活着
    before(result, "收到 SIGTERM，不理它", "处理完 SIGTERM")
    assert count(result, r"处理完 SIGTERM 又等了 0.3 秒：is_alive\(\) = True，exitcode = None") == 1
    before(result, "处理完 SIGTERM", r"kill\(\) 之后：is_alive\(\) = False，exitcode = -9")


def exitcodes(result):
    # 子进程的回溯先出现（它在 join() 之前就打印了），标题里是进程的 name
    before(result, "^Process 抛出异常:$", "父进程看到的 exitcode")
    assert count(result, "^ValueError: 数据格式不对$") == 1
    # 两个子进程都先进了 try（父进程等它们报告就绪才发信号），finally 却没有执行
    assert count(result, r"^被 terminate\(\)：已进入 try") == 1
    assert count(result, r"^被 kill\(\)：已进入 try") == 1
    before(result, r"^被 terminate\(\)：已进入 try", "^Process 抛出异常:$")
    before(result, r"^被 kill\(\)：已进入 try", "^Process 抛出异常:$")
    assert count(result, "不会出现") == 0
    tail = result.lines[index(result, "父进程看到的 exitcode") + 1:]
    assert tail == ["正常返回：0", "抛出异常：1", "sys.exit(3)：3",
                    "被 terminate()：-15（信号 SIGTERM）", "被 kill()：-9（信号 SIGKILL）"]


def close(result):
    assert index(result, r"运行中 close\(\)：ValueError: Cannot close a process while it is still running") == 0
    assert count(result, r"join\(\) 之后 close\(\) 成功；之前记下的 exitcode = 0") == 1
    # 读属性、调用 join()、再次 start() 都抛出同一个 ValueError
    for what in (r"p\.is_alive\(\)", r"p\.pid", r"p\.exitcode", r"p\.join\(\)", r"p\.start\(\)"):
        assert count(result, rf"^close\(\) 之后 {what}：ValueError: process object is closed$") == 1
    assert result.lines[-1] == "p.name 仍然可以读：worker-1"


def rename_after_start(result):
    # start() 之前改名：子进程用新名字
    assert index(result, r"current_process\(\).name = worker-1-新名字$") == 0
    # start() 之后改名：父进程的对象改了，子进程仍是原来的名字（子进程等父进程改完名字、set() 之后才读）
    assert count(result, r"父进程：after.name = worker-2-新名字$") == 1
    assert count(result, r"子进程：current_process\(\).name = worker-2$") == 1
    before(result, "父进程：after.name", r"子进程：current_process\(\).name = worker-2$")
    assert result.lines[-1] == "父进程：join() 之后 after.name = worker-2-新名字"


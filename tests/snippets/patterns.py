"""docs/patterns.md 的说法。"""

import re

from _helpers import before, count, index


def producer_consumer(result):
    done = re.findall(r"处理完 订单-(\d)", result.output)
    assert sorted(done) == [str(n) for n in range(1, 7)]  # 每个订单恰好处理一次
    # tasks.join() 在最后一个 task_done() 之后才返回
    joined = index(result, r"tasks\.join\(\) 返回")
    assert all(i < joined for i, line in enumerate(result.lines) if "处理完 订单" in line)
    # 哨兵在 join() 返回之后才放进去，每个消费者收到一个
    assert count(result, r"收到哨兵，退出") == 2
    assert all(i > joined for i, line in enumerate(result.lines) if "哨兵" in line)
    assert result.lines[-1] == "父进程：消费者都已退出，exitcode = [0, 0]"


def join_before_get(result):
    before(result, "子进程：put\\(\\) 已返回", "join\\(timeout=1\\) 超时返回")
    # 子进程的函数早已执行完，但进程还活着：在等后台线程把数据写进管道
    assert count(result, r"join\(timeout=1\) 超时返回，is_alive\(\) = True，exitcode = None") == 1
    assert count(result, r"get\(\) 取到 1048576 字节") == 1
    assert result.lines[-1] == "父进程：join() 返回，exitcode = 0"


def get_before_join(result):
    assert result.lines == ["取到 1048576 字节，exitcode = 0"]


def child_exception(result):
    # 子进程打印的回溯（写到 stderr，引擎把它和 stdout 按顺序合在一起）
    assert count(result, r"^Process 解析-1:$") == 1
    assert count(result, r"^Traceback") == 1
    assert count(result, r"^ValueError: invalid literal for int\(\) with base 10: '十二'$") == 1
    before(result, "^ValueError", "父进程：")
    assert result.lines[-1] == "父进程：解析-1 的 exitcode = 1，父进程继续运行"


def error_via_queue(result):
    assert count(result, r"^'12' → 12，exitcode = 0$") == 1
    assert count(result, r"^'十二' → 子进程报告 ValueError: .*'十二'，exitcode = 0$") == 1  # 异常被捕获，子进程正常退出
    assert count(result, r"^Traceback") == 1
    assert count(result, r"in parse$") == 1  # 回溯指向子进程里出错的函数
    assert result.lines[-1].startswith("ValueError: invalid literal")


def queue_logging(result):
    records = [line.split() for line in result.lines]
    assert len(records) == 9  # 3 个子进程共 7 条，加父进程 2 条：都经同一个处理器输出
    names = [r[0] for r in records]
    assert sorted(names) == ["MainProcess"] * 2 + ["worker-1"] * 2 + ["worker-2"] * 3 + ["worker-3"] * 2
    # 只有“全部完成”保证在最后：join() 返回前，子进程已把自己的记录全部写进管道。
    # “已启动”那条在子进程启动之后才记录，排在哪里都有可能
    assert result.lines[-1].split()[0] == "MainProcess" and result.lines[-1].endswith("全部完成")
    assert count(result, r"^MainProcess\s+INFO\s+3 个子进程已启动$") == 1
    assert count(result, r"^worker-2\s+WARNING\s+第 2 批有 1 条数据格式不对") == 1
    for n in (1, 2, 3):  # 同一个子进程的记录保持先后顺序
        before(result, f"^worker-{n} .*开始处理第 {n} 批", f"^worker-{n} .*第 {n} 批完成")


def terminate_vs_kill(result):
    assert count(result, r"^plain \+ terminate\(\)：exitcode = -15$") == 1
    assert count(result, r"^graceful \+ terminate\(\)：exitcode = 0$") == 1
    assert count(result, r"^graceful \+ kill\(\)：exitcode = -9$") == 1
    # 清理代码只在 terminate 那次执行了一次；kill 那次没有机会执行
    assert count(result, r"收到 SIGTERM，删除临时文件") == 1
    before(result, "收到 SIGTERM", r"graceful \+ terminate")


def pool_ctrl_c(result):
    assert result.lines == [
        "进程池就绪：2 个工作进程，都忽略 SIGINT",
        "模拟 Ctrl-C：向工作进程和父进程发送 SIGINT",
        "父进程收到 KeyboardInterrupt，调用 pool.terminate()",
        "进程池已结束，剩下的子进程：0 个",
    ]  # 工作进程忽略了 SIGINT：没有任何回溯


def interrupt_sigint(result):
    # 需要 3.14：在更旧的 CPython 上测试会跳过
    assert count(result, r"收到 KeyboardInterrupt，保存进度后退出") == 1
    assert result.lines[-1] == "interrupt() 之后：exitcode = 3"

"""docs/remote-managers.md 的说法。"""

import re

from _helpers import before, count, numbers


def custom_type(result):
    assert count(result, r"^代理的类型：AutoProxy\[Tally\]$") == 1
    server, parent = map(int, re.search(r"对象所在的进程：(\d+)，父进程：(\d+)", result.output).groups())
    assert server != parent  # 对象在服务进程里，不在父进程
    assert count(result, r"^三个子进程加完之后：\{'a': 1, 'b': 2, 'c': 3\}$") == 1
    assert result.lines[-2:] == ["访问属性 _counts：AttributeError:", "  'AutoProxy[Tally]' object has no attribute '_counts'"]


def server_client(result):
    m = re.search(r"^服务器：在 127\.0\.0\.1 的 (\d+) 端口监听（端口由系统分配）$", result.output, re.M)
    assert m and int(m.group(1)) > 0, result.output
    clients = re.findall(r"^客户端 (\d+)：发帖成功，现在共 (\d) 条$", result.output, re.M)
    # 两个独立的客户端程序，先后连上同一个服务器：帖子数接着服务器自己的那一条往上数
    assert [n for _, n in clients] == ["2", "3"] and clients[0][0] != clients[1][0], result.output
    assert result.lines[-4:] == ["服务器上的帖子：", "  服务器: 开张", f"  客户端 {clients[0][0]}: 你好", f"  客户端 {clients[1][0]}: 你好"]


def listener_client(result):
    assert re.fullmatch(r"服务器：在 127\.0\.0\.1 的 \d+ 端口监听", result.lines[0])
    before(result, r"^服务器：收到 \{'task': 'sum', 'numbers': \[1, 2, 3\]\}$", "^客户端：收到 6$")
    assert result.lines[-1] == "服务器：收到 31 字节：原始字节，不经过 pickle"


def unpickle_runs_code(result):
    sender = numbers(result, r"^发送方（PID (\d+)）：发出一个 Gift 对象$")
    receiver = re.search(r"^接收方（PID (\d+)）：recv\(\) 返回了 (\d+)$", result.output, re.M)
    assert len(sender) == 1 and receiver, result.output
    # 返回值是接收方的 PID，不是发送方的：os.getpid() 是在接收方调用的
    assert receiver.group(1) == receiver.group(2) and int(sender[0]) != int(receiver.group(1))
    assert result.lines[-1] == "这是接收方自己的 PID：True"


def wrong_authkey(result):
    assert count(result, "^服务器：AuthenticationError: digest received was wrong$") == 1
    assert count(result, "^multiprocessing.context.AuthenticationError: digest sent was rejected$") == 1
    assert count(result, "客户端：连上了") == 0
    # 两边的输出谁先谁后不一定；服务器等客户端退出之后才打印最后一行
    assert result.lines[-1] == "服务器：客户端的退出码 1"


def shared_memory_manager(result):
    assert result.lines[0] == "结果：[0, 1, 4, 9]，ABCD"
    assert count(result, "^with 里，两块都在 /dev/shm：True$") == 1
    assert result.lines[-1] == "退出 with 之后，还在的：[]"
    assert count(result, "resource_tracker|Warning") == 0, result.output

"""recv() 解封对方发来的数据：对象的 __reduce__ 让接收方调用对方指定的函数。"""

import os
import secrets
import signal
import subprocess
import sys
from multiprocessing.connection import Client, Listener


class Gift:
    def __reduce__(self):
        # 告诉接收方：“解封时请调用 os.getpid()，用它的返回值当作这个对象”
        # 换成 (os.system, ("任意命令",)) 就是在接收方执行任意命令
        return (os.getpid, ())


def sender(port):
    with Client(("127.0.0.1", port), authkey=bytes.fromhex(os.environ["DEMO_AUTHKEY"])) as conn:
        print(f"发送方（PID {os.getpid()}）：发出一个 Gift 对象")
        conn.send(Gift())


if __name__ == "__main__":
    if sys.argv[1:2] == ["sender"]:
        sender(int(sys.argv[2]))
        sys.exit()
    signal.alarm(10)  # 保险：万一对方没有连上，10 秒后本程序被 SIGALRM 结束
    key = secrets.token_bytes(16)
    with Listener(("127.0.0.1", 0), authkey=key) as listener:
        env = dict(os.environ, DEMO_AUTHKEY=key.hex())
        port = listener.address[1]
        peer = subprocess.Popen([sys.executable, __file__, "sender", str(port)], env=env)
        with listener.accept() as conn:
            value = conn.recv()
        peer.wait(timeout=10)
    print(f"接收方（PID {os.getpid()}）：recv() 返回了 {value!r}")
    print(f"这是接收方自己的 PID：{value == os.getpid()}")

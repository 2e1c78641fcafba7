"""Listener 和 Client：两个程序之间收发 Python 对象和原始字节。"""

import os
import secrets
import signal
import subprocess
import sys
from multiprocessing.connection import Client, Listener


def client(port):
    key = bytes.fromhex(os.environ["DEMO_AUTHKEY"])
    with Client(("127.0.0.1", port), authkey=key) as conn:
        conn.send({"task": "sum", "numbers": [1, 2, 3]})  # 任何能 pickle 的对象
        print(f"客户端：收到 {conn.recv()!r}")
        conn.send_bytes("原始字节，不经过 pickle".encode())


if __name__ == "__main__":
    if sys.argv[1:2] == ["client"]:
        client(int(sys.argv[2]))
        sys.exit()
    signal.alarm(10)  # 保险：万一客户端没有连上，10 秒后本程序被 SIGALRM 结束，不会一直等下去
    key = secrets.token_bytes(16)
    with Listener(("127.0.0.1", 0), authkey=key) as listener:
        host, port = listener.address
        print(f"服务器：在 {host} 的 {port} 端口监听")
        env = dict(os.environ, DEMO_AUTHKEY=key.hex())
        peer = subprocess.Popen([sys.executable, __file__, "client", str(port)], env=env)
        with listener.accept() as conn:  # 握手（验证 authkey）在 accept() 里完成
            request = conn.recv()
            print(f"服务器：收到 {request!r}")
            conn.send(sum(request["numbers"]))
            data = conn.recv_bytes()
            print(f"服务器：收到 {len(data)} 字节：{data.decode()}")
        peer.wait(timeout=10)

"""authkey 不对：握手失败，服务器和客户端各得到一个 AuthenticationError。"""

import subprocess
import signal
import sys
from multiprocessing import AuthenticationError
from multiprocessing.connection import Client, Listener


def client(port):
    with Client(("127.0.0.1", port), authkey=b"guess"):
        print("客户端：连上了")  # 不会执行到这里


if __name__ == "__main__":
    if sys.argv[1:2] == ["client"]:
        client(int(sys.argv[2]))  # 异常没有捕获：回溯打印到 stderr
        sys.exit()
    signal.alarm(10)  # 保险：万一客户端没有连上，10 秒后本程序被 SIGALRM 结束
    with Listener(("127.0.0.1", 0), authkey=b"the real key") as listener:
        peer = subprocess.Popen([sys.executable, __file__, "client", str(listener.address[1])])
        try:
            listener.accept()
        except AuthenticationError as e:
            print(f"服务器：{type(e).__name__}: {e}")
        print(f"服务器：客户端的退出码 {peer.wait(timeout=10)}")

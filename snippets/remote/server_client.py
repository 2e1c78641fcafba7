"""管理器服务器监听 127.0.0.1，另一个程序凭 authkey 连上来，调用服务器里的对象。"""

import os
import secrets
import subprocess
import sys
import threading
from multiprocessing.managers import BaseManager


class Board:
    def __init__(self):
        self._notes = []
        self._lock = threading.Lock()

    def post(self, who, text):
        with self._lock:
            self._notes.append(f"{who}: {text}")
            return len(self._notes)

    def notes(self):
        with self._lock:
            return list(self._notes)


_board = None


def get_board():
    """在服务进程里调用：每次都返回同一个 Board。"""
    global _board
    if _board is None:
        _board = Board()
    return _board


class BoardManager(BaseManager):
    pass


BoardManager.register("board", callable=get_board)


class RemoteBoard(BaseManager):
    pass


RemoteBoard.register("board")  # 客户端只需要名字，不需要 callable


def client(port):
    """另一个程序：只知道地址、端口和 authkey。"""
    authkey = bytes.fromhex(os.environ["BOARD_AUTHKEY"])
    manager = RemoteBoard(address=("127.0.0.1", port), authkey=authkey)
    manager.connect()  # 不启动服务进程，而是连上已有的服务器
    n = manager.board().post(f"客户端 {os.getpid()}", "你好")
    print(f"客户端 {os.getpid()}：发帖成功，现在共 {n} 条")


if __name__ == "__main__":
    if sys.argv[1:2] == ["client"]:
        client(int(sys.argv[2]))
        sys.exit()
    authkey = secrets.token_bytes(16)
    # 端口 0：由操作系统挑一个空闲端口；只监听本机
    manager = BoardManager(address=("127.0.0.1", 0), authkey=authkey)
    manager.start()
    host, port = manager.address
    print(f"服务器：在 {host} 的 {port} 端口监听（端口由系统分配）")
    manager.board().post("服务器", "开张")
    # authkey 通过环境变量交给客户端（命令行参数会被本机其他用户用 ps 看到）
    env = dict(os.environ, BOARD_AUTHKEY=authkey.hex())
    for _ in range(2):
        subprocess.run([sys.executable, __file__, "client", str(port)],
                       env=env, check=True, timeout=10)
    print("服务器上的帖子：")
    for note in manager.board().notes():
        print(f"  {note}")
    manager.shutdown()

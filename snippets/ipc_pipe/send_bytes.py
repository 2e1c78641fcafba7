"""send_bytes()/recv_bytes() 传原始字节；send() 其实就是先封存（pickle）再按字节发送，封存失败当场报错。"""

import pickle
from multiprocessing import Pipe, Process


def child(conn):
    conn.send_bytes("原始字节，不经过封存".encode("utf-8"))
    conn.send({"任务": "任务A", "结果": [1, 2, 3]})
    conn.close()


if __name__ == "__main__":
    parent_end, child_end = Pipe()
    p = Process(target=child, args=(child_end,))
    p.start()
    child_end.close()

    raw = parent_end.recv_bytes()
    print(f"recv_bytes()：{type(raw).__name__}，{len(raw)} 字节 -> {raw.decode('utf-8')}")

    # 对方用 send() 发的，用 recv_bytes() 收，拿到的就是封存的结果
    raw = parent_end.recv_bytes()
    print(f"send() 发来的原始数据：{type(raw).__name__}，以 {raw[:1]!r} 开头（pickle 格式）")
    print(f"pickle.loads() 之后：{pickle.loads(raw)}")
    p.join()

    # 封存在调用 send() 的线程里进行：失败时 send() 直接抛异常，什么也没写进管道
    try:
        parent_end.send(lambda x: x)
    except Exception as exc:
        print(f"send(lambda)：当场抛出 {type(exc).__name__}")

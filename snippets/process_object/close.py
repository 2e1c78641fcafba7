"""close() 释放 Process 对象占用的资源：子进程还在运行时不能 close()，close() 之后对象基本不能再用。"""

import time
from multiprocessing import Process

if __name__ == "__main__":
    p = Process(target=time.sleep, args=(0.3,), name="worker-1")
    p.start()
    try:
        p.close()
    except ValueError as error:
        print(f"运行中 close()：ValueError: {error}")

    p.join()
    code = p.exitcode  # close() 之后就读不到了，先记下来
    p.close()
    print(f"join() 之后 close() 成功；之前记下的 exitcode = {code}")

    uses = [("p.is_alive()", p.is_alive), ("p.pid", lambda: p.pid), ("p.exitcode", lambda: p.exitcode),
            ("p.join()", p.join), ("p.start()", p.start)]
    for what, action in uses:
        try:
            action()
        except ValueError as error:
            print(f"close() 之后 {what}：ValueError: {error}")
    print(f"p.name 仍然可以读：{p.name}")

"""什么能交给子解释器：可共享的类型直接过去，别的先封存（pickle）成副本；memoryview 的底层内存是真正共享的。"""

import threading
from concurrent import interpreters

SAMPLES = [None, True, 42, 3.14, "文字", b"bytes", (1, "a"), memoryview(b"x"),
           interpreters.create_queue(), [1, 2], {"a": 1}, bytearray(b"x"), threading.Lock()]

MUTATE = """
scores.append(100)          # 改的是副本
view[0] = ord("J")          # 改的是主解释器里那块内存
print(f"子解释器：scores = {scores}，view = {bytes(view)}")
"""

if __name__ == "__main__":
    for value in SAMPLES:
        print(f"{type(value).__name__:>10}  is_shareable = {interpreters.is_shareable(value)}")

    scores = [90, 95]
    buffer = bytearray(b"hello")
    queue = interpreters.create_queue()
    queue.put(scores)  # list 不可共享：put() 把它封存成字节，get() 时还原成新的列表
    queue.put(memoryview(buffer))  # memoryview 可共享：对方拿到的视图指向同一块内存
    interp = interpreters.create()
    try:
        interp.prepare_main(queue=queue)
        interp.exec("scores = queue.get()\nview = queue.get()\n" + MUTATE)
    finally:
        interp.close()
    print(f"主解释器：scores = {scores}，buffer = {bytes(buffer)}")

# snippet: requires=3.14

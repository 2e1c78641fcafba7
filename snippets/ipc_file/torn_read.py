"""原地改写文件时，同时读它的进程可能读到只写了一半的内容：json.loads 抛出 JSONDecodeError。"""

import json
import os
import time
from multiprocessing import Barrier, Process

DATA_FILE = "ticket.json"


def save(count):
    text = json.dumps({"count": count, "updated_by": "售票进程"}, ensure_ascii=False)
    with open(DATA_FILE, "w", encoding="utf-8") as f:  # 以 "w" 打开的一刻，旧内容就被清空了
        half = len(text) // 2
        f.write(text[:half])
        f.flush()  # 前一半已经落到文件里，别的进程此刻就能读到
        time.sleep(0.2)  # 模拟写一个大文件需要的时间
        f.write(text[half:])


def writer(start_line):
    start_line.wait()
    for count in (2, 1, 0):
        save(count)
        time.sleep(0.1)


def reader(start_line):
    start_line.wait()
    good, broken = 0, []
    for _ in range(20):
        time.sleep(0.05)
        with open(DATA_FILE, encoding="utf-8") as f:
            text = f.read()
        try:
            json.loads(text)
            good += 1
        except json.JSONDecodeError as error:
            broken.append((text, error))
    print(f"读者：读了 {good + len(broken)} 次，完整 {good} 次，不完整 {len(broken)} 次")
    if broken:
        text, error = broken[0]
        print(f"  例如读到 {text!r} → json.JSONDecodeError: {error}")


if __name__ == "__main__":
    save(3)
    start_line = Barrier(2)
    workers = [Process(target=writer, args=(start_line,), name="写者"),
               Process(target=reader, args=(start_line,), name="读者")]
    for w in workers:
        w.start()
    for w in workers:
        w.join()
    os.remove(DATA_FILE)  # 演示完就删掉，不在当前目录里留下文件

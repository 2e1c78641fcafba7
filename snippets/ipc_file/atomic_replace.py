"""先写临时文件，再用 os.replace() 换上去：读者读到的要么是旧内容，要么是新内容，不会是半截。"""

import json
import os
import time
from multiprocessing import Barrier, Process

DATA_FILE = "ticket.json"


def save(count):
    text = json.dumps({"count": count, "updated_by": "售票进程"}, ensure_ascii=False)
    # 临时文件和目标放在同一个目录（同一个文件系统），os.replace() 才是一步完成的
    tmp = DATA_FILE + ".tmp"
    with open(tmp, "w", encoding="utf-8") as f:
        half = len(text) // 2
        f.write(text[:half])
        f.flush()
        time.sleep(0.2)  # 写得再慢，写的也只是临时文件，读者看不到
        f.write(text[half:])
    os.replace(tmp, DATA_FILE)  # 一步把新文件换到原来的名字上


def writer(start_line):
    start_line.wait()
    for count in (2, 1, 0):
        save(count)
        time.sleep(0.1)


def reader(start_line):
    start_line.wait()
    good, broken, seen = 0, 0, []
    for _ in range(20):
        time.sleep(0.05)
        with open(DATA_FILE, encoding="utf-8") as f:
            text = f.read()
        try:
            count = json.loads(text)["count"]
        except json.JSONDecodeError:
            broken += 1
            continue
        good += 1
        if not seen or seen[-1] != count:
            seen.append(count)
    print(f"读者：读了 {good + broken} 次，完整 {good} 次，不完整 {broken} 次")
    print(f"  读到的余票依次是：{' → '.join(map(str, seen))}")


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

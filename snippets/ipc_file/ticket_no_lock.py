"""不加锁的抢票：5 个顾客同时抢仅剩的 2 张票，卖出的比有的多，文件里的余票也对不上。"""

import json
import os
import time
from multiprocessing import Barrier, Process

TICKET_FILE = "ticket.json"
TICKETS = 2
BUYERS = 5


def query(name):
    with open(TICKET_FILE, encoding="utf-8") as f:
        count = json.load(f)["count"]
    print(f"{name} 查询：剩余 {count} 张")


def buy(name):
    with open(TICKET_FILE, encoding="utf-8") as f:
        data = json.load(f)
    if data["count"] > 0:
        time.sleep(0.3)  # 模拟网络延迟：读到余票之后，过一会儿才把新的余票写回去
        data["count"] -= 1
        with open(TICKET_FILE, "w", encoding="utf-8") as f:
            json.dump(data, f)
        print(f"{name} 购买成功")
    else:
        print(f"{name} 购买失败：没有余票")


def customer(name, start_line):
    query(name)
    start_line.wait()  # 开售那一刻，所有人同时点“购买”
    buy(name)


if __name__ == "__main__":
    with open(TICKET_FILE, "w", encoding="utf-8") as f:  # 工作目录里还没有票务文件：先建一个
        json.dump({"count": TICKETS}, f)
    start_line = Barrier(BUYERS)
    customers = [Process(target=customer, args=(f"顾客-{i}", start_line), name=f"顾客-{i}")
                 for i in range(1, BUYERS + 1)]
    for c in customers:
        c.start()
    for c in customers:
        c.join()
    with open(TICKET_FILE, encoding="utf-8") as f:
        print(f"一开始有 {TICKETS} 张票；现在文件里写着剩余 {json.load(f)['count']} 张")
    os.remove(TICKET_FILE)  # 演示完就删掉，不在当前目录里留下文件

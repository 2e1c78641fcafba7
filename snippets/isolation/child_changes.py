"""子进程修改全局变量和列表，父进程看不到；两个子进程之间也互不影响。"""

from multiprocessing import Process

counter = 0
basket = ["苹果"]


def work(label, fruit):
    global counter
    counter += 100
    basket.append(fruit)  # 原地修改列表，改的也只是本进程里的那一份
    print(f"{label}：counter = {counter}，basket = {basket}")


if __name__ == "__main__":
    workers = [Process(target=work, args=("worker-1", "香蕉")), Process(target=work, args=("worker-2", "橙子"))]
    for w in workers:
        w.start()
    # 用 join() 等子进程真正结束，而不是 sleep 一个猜出来的时间
    for w in workers:
        w.join()
    print(f"父进程：counter = {counter}，basket = {basket}")

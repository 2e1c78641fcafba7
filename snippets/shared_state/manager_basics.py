"""Manager：dict、list、Namespace 放在一个服务进程里，各进程通过代理对象读写同一份数据。"""

from multiprocessing import Manager, Process


def report(i, scores, log, status):
    name = f"worker-{i}"
    scores[name] = i * i  # 每次读写都是发给服务进程的一次请求
    log.append(name)
    status.last = name


if __name__ == "__main__":
    with Manager() as manager:  # 启动服务进程；离开 with 时关闭它
        scores = manager.dict()
        log = manager.list()
        status = manager.Namespace()
        status.last = None
        print(f"代理对象的类型：{type(scores).__name__}、{type(log).__name__}、{type(status).__name__}")

        workers = [Process(target=report, args=(i, scores, log, status)) for i in (1, 2, 3)]
        for w in workers:
            w.start()
        for w in workers:
            w.join()

        print(f"scores = {dict(sorted(scores.items()))}")
        # 追加的先后取决于调度，所以排序后再打印
        print(f"log 里有 {len(log)} 项：{sorted(log)}")
        print(f"status.last = {status.last}（最后写它的那个进程）")

"""把子进程里的异常通过队列送回父进程：父进程知道是什么错、错在哪一行。"""

import traceback
from multiprocessing import Process, Queue


def parse(text, results):
    try:
        results.put(("ok", int(text)))
    except Exception as error:
        # 异常对象可以封存（pickle）的话就直接送回；回溯对象不行，所以另外把回溯转成字符串
        results.put(("error", error, traceback.format_exc()))


if __name__ == "__main__":
    results = Queue()
    for text in ["12", "十二"]:
        child = Process(target=parse, args=(text, results))
        child.start()
        outcome = results.get()  # 先取结果再 join（见“先 get 再 join”）
        child.join()
        if outcome[0] == "ok":
            print(f"{text!r} → {outcome[1]}，exitcode = {child.exitcode}")
        else:
            _, error, child_traceback = outcome
            print(f"{text!r} → 子进程报告 {type(error).__name__}: {error}，exitcode = {child.exitcode}")
            print("子进程里的回溯：")
            print(child_traceback, end="")

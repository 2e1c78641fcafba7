"""lambda 和函数内部定义的函数当 target：fork 下能用，spawn / forkserver 下 start() 就失败。"""

import multiprocessing as mp


def module_level():
    pass


def main():
    def nested():
        pass

    targets = {"模块级函数": module_level, "lambda": lambda: None, "内部函数": nested}
    for method in ("fork", "spawn", "forkserver"):
        ctx = mp.get_context(method)
        for label, target in targets.items():
            child = ctx.Process(target=target)
            try:
                child.start()  # spawn / forkserver 在这里封存进程对象，连同 target
            except Exception as error:
                print(f"{method} + {label}：start() 失败，{type(error).__name__}: {error}")
                continue
            child.join()
            print(f"{method} + {label}：子进程运行完毕，exitcode = {child.exitcode}")


if __name__ == "__main__":
    main()

"""用到全局变量的函数交给子解释器：子解释器要重新运行一遍主脚本，才找得到它。"""

from concurrent import interpreters

print(f"运行脚本顶层代码：__name__ = {__name__!r}")

RATE = 0.06


def with_tax(price):  # 用到了全局变量 RATE：只能按“模块名 + 函数名”封存（pickle）过去
    return round(price * (1 + RATE), 2)


def double(x):  # 只用参数：可以把函数本身直接交过去
    return x * 2


if __name__ == "__main__":
    interp = interpreters.create()
    try:
        print(f"double(21) = {interp.call(double, 21)}")
        print(f"with_tax(100) = {interp.call(with_tax, 100)}")
        print(f"with_tax(50) = {interp.call(with_tax, 50)}")
    finally:
        interp.close()

# snippet: requires=3.14

"""docs/isolation.md 的说法。"""

from _helpers import before, count, index


def child_changes(result):
    # 每个子进程都从初始值出发，只看到自己的修改；两个子进程谁先打印不确定
    assert count(result, r"^worker-1：counter = 100，basket = \['苹果', '香蕉'\]$") == 1
    assert count(result, r"^worker-2：counter = 100，basket = \['苹果', '橙子'\]$") == 1
    # 父进程在 join() 之后看到的仍是自己的那一份，没有被子进程改动
    assert index(result, r"^父进程：counter = 0，basket = \['苹果'\]$") == len(result.lines) - 1


def modified_before_start(result):
    assert count(result, rf"^启动方法：{result.start_method}$") == 1
    # 父进程在 start() 之后的修改，哪种启动方法的子进程都看不到
    assert count(result, "子进程：.*start\\(\\) 之后") == 0
    if result.start_method == "fork":
        # fork：子进程是父进程在 start() 那一刻的副本
        assert count(result, r"^子进程：greeting = 父进程在 start\(\) 之前改的值$") == 1
        assert count(result, r"^子进程：settings = \{'debug': True\}$") == 1
    else:
        # spawn / forkserver：子进程里的全局变量来自源文件，父进程运行时的修改不在其中
        assert count(result, r"^子进程：greeting = 源文件里写的初始值$") == 1
        assert count(result, r"^子进程：settings = \{\}$") == 1
    before(result, "子进程：settings", r"父进程：greeting = 父进程在 start\(\) 之后改的值")


def pass_as_argument(result):
    assert count(result, r"^子进程：收到 greeting = 父进程准备的值，settings = \{'debug': True\}$") == 1
    assert count(result, r"^子进程：改完后 settings = \{'debug': False\}$") == 1
    # 子进程改的是副本
    assert index(result, r"^父进程：settings = \{'debug': True\}$") == len(result.lines) - 1

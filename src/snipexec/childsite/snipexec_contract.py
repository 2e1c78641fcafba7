"""引擎和片段进程之间的约定：环境变量的名字、时间线记录的格式。

两边都导入这个模块：片段进程里由 sitecustomize 导入（本目录在它们的 PYTHONPATH 上），引擎里是
``snipexec.childsite.snipexec_contract``。每个片段进程都要加载它，所以只有常量和两个小函数，导入时什么也不做。
"""

# 引擎 → 片段进程的环境变量
RUN = "SNIPEXEC_RUN"  # 本次运行的标记：一路继承给所有后代，引擎凭它找出并杀掉留下的进程
START_METHOD = "SNIPEXEC_START_METHOD"  # 要换成的平台默认启动方法（没有就是版本自己的默认）
EVENTS = "SNIPEXEC_EVENTS"  # 时间线记录写到的文件（没有就不记录）
RESTORE_SIGINT = "SNIPEXEC_RESTORE_SIGINT"  # 在最外层进程里把 Ctrl-C 还原成 KeyboardInterrupt
TOP = "SNIPEXEC_TOP"  # 片段进程之间：最外层进程的 PID（由 sitecustomize 设置，子进程继承）

# 时间线记录的类型：进程开始/结束、锁的请求/获得/释放、进程池任务的开始/结束
START, END = "start", "end"
LOCK_REQUEST, LOCK_ACQUIRE, LOCK_RELEASE = "lock-request", "lock-acquire", "lock-release"
TASK_START, TASK_END = "task-start", "task-end"


def event_row(seconds, pid, kind, name, detail=""):
    """一条记录：一行，制表符分隔（单调时钟的秒数、PID、类型、进程名、附加信息）。"""
    return f"{seconds:.6f}\t{pid}\t{kind}\t{name.replace(chr(9), ' ')}\t{detail}\n"


def parse_event_row(line):
    """event_row 写出的一行 → (秒, PID, 类型, 进程名)。"""
    seconds, pid, kind, name, _detail = line.split("\t")
    return float(seconds), int(pid), kind, name

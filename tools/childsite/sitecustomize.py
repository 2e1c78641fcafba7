"""每个片段进程（及其所有 Python 子进程）启动时由引擎注入的设置。

只在引擎运行片段时生效（引擎把本目录放进 PYTHONPATH）；读者直接运行片段不受影响。
"""

import os
import sys

# 行缓冲、且不直通：每一行在换行时整行写出。
# 直通（PYTHONUNBUFFERED / -u）会把正文和换行分两次写，并发子进程的行会被截断交错；
# 块缓冲则让每个子进程的输出在退出时才成块出现，真实顺序丢失。
for _stream in (sys.stdout, sys.stderr):
    if _stream is not None:
        _stream.reconfigure(line_buffering=True, write_through=False)

# 改的是“平台默认启动方法”，而不是调用 set_start_method：
# 片段自己调用 set_start_method()/get_context() 时照常生效，不会报 “context has already been set”。
_method = os.environ.get("SNIPEXEC_START_METHOD")
if _method:
    import multiprocessing.context as _context

    _context._default_context._default_context = _context._concrete_contexts[_method]

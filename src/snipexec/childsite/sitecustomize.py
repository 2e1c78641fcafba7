"""每个片段进程（及其所有 Python 子进程）启动时由引擎注入的设置。

只在引擎运行片段时生效（引擎把本目录放进 PYTHONPATH）；读者直接运行片段不受影响。
"""

import os
import sys

import snipexec_contract as _contract  # 和引擎共用的约定：环境变量名、记录格式

# 行缓冲、且不直通：每一行在换行时整行写出。
# 直通（PYTHONUNBUFFERED / -u）会把正文和换行分两次写，并发子进程的行会被截断交错；
# 块缓冲则让每个子进程的输出在退出时才成块出现，真实顺序丢失。
for _stream in (sys.stdout, sys.stderr):
    if _stream is not None:
        _stream.reconfigure(line_buffering=True, write_through=False)

# 在终端里运行时 Ctrl-C（SIGINT）会变成 KeyboardInterrupt。构建若从忽略了 SIGINT 的环境启动
# （nohup、后台任务、某些 CI），片段会继承“忽略”，Python 也就不再装默认处理函数；只在片段的最外层进程里还原它。
# 这个变量随即删掉：片段自己的子进程照常继承父进程的设置（比如进程池的工作进程有意忽略 SIGINT）
if os.environ.pop(_contract.RESTORE_SIGINT, None):
    import signal

    if signal.getsignal(signal.SIGINT) == signal.SIG_IGN:
        signal.signal(signal.SIGINT, signal.default_int_handler)

# 下面的改动都等到相关模块第一次被导入时才做（见 _after_import）：
# 不用 multiprocessing 的进程、不用进程池的片段，不为它们多付一毫秒的导入时间。
_patches = {}


def _after_import(name):
    def register(patch):
        _patches[name] = patch
        return patch

    return register


class _PatchAfterImport:
    """sys.meta_path 上的查找器：找到登记过的模块后，让它执行完模块代码再调用对应的补丁函数。"""

    @staticmethod
    def find_spec(name, path=None, target=None):
        patch = _patches.pop(name, None)
        if patch is None:
            return None
        from importlib.machinery import PathFinder

        spec = PathFinder.find_spec(name, path)
        exec_module = spec.loader.exec_module

        def exec_and_patch(module):
            exec_module(module)
            patch(module)

        spec.loader.exec_module = exec_and_patch
        return spec


sys.meta_path.insert(0, _PatchAfterImport)

# 改的是“平台默认启动方法”，而不是调用 set_start_method：
# 片段自己调用 set_start_method()/get_context() 时照常生效，不会报 “context has already been set”。
_method = os.environ.get(_contract.START_METHOD)
if _method:

    @_after_import("multiprocessing.context")
    def _force_start_method(context):
        context._default_context._default_context = context._concrete_contexts[_method]


# 时间线记录（只在引擎要求时）：进程的开始/结束、锁的请求/获得/释放、进程池任务的开始/结束。
# 每条记录一行，用 O_APPEND 一次写入，多进程同时写也不会交错；读者看到的输出里没有任何痕迹。
_events_path = os.environ.get(_contract.EVENTS)
if _events_path:
    import atexit
    import time

    _fd = os.open(_events_path, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
    _current = ["MainProcess"]

    def _record(kind, detail=""):
        # CLOCK_MONOTONIC 在同一台机器的所有进程间可比
        os.write(_fd, _contract.event_row(time.monotonic(), os.getpid(), kind, _current[0], detail).encode())

    if _contract.TOP not in os.environ:  # 最外层的主进程；spawn 出来的子进程会继承这个变量
        os.environ[_contract.TOP] = str(os.getpid())
        _record(_contract.START)
        atexit.register(_record, _contract.END)  # 先注册，所以在 multiprocessing 等待子进程之后才执行

    @_after_import("multiprocessing.process")
    def _record_processes(process):
        bootstrap = process.BaseProcess._bootstrap

        def recorded_bootstrap(self, *args, **kwargs):
            _current[0] = self.name
            _record(_contract.START)
            try:
                return bootstrap(self, *args, **kwargs)
            finally:
                _record(_contract.END)

        process.BaseProcess._bootstrap = recorded_bootstrap

    @_after_import("multiprocessing.synchronize")
    def _record_locks(sync):
        import multiprocessing.context as context

        # 标准库目录（os.py 所在处）和本目录里的调用者都不算“片段自己”
        library = (os.path.dirname(os.__file__), os.path.dirname(__file__))

        def created_by_snippet(lock):
            """锁是片段自己创建的，而不是 Barrier、Condition、队列、Value 内部创建的：看是谁直接调用了 Lock()/RLock()。"""
            frame = sys._getframe(2)
            while frame is not None and frame.f_code.co_filename == sync.__file__ and frame.f_locals.get("self") is lock:
                frame = frame.f_back  # SemLock.__init__、Lock.__init__ 自己
            if frame is not None and frame.f_code.co_filename == context.__file__ and frame.f_code.co_name in ("Lock", "RLock"):
                frame = frame.f_back  # multiprocessing.Lock() 这一层
            return frame is not None and not frame.f_code.co_filename.startswith(library)

        make_methods = sync.SemLock._make_methods

        def recorded_make_methods(self):
            make_methods(self)
            if not isinstance(self, (sync.Lock, sync.RLock)):
                return
            if sys._getframe(1).f_code.co_name == "__init__":  # 新建（而不是在子进程里从 pickle 重建）
                self._snipexec_own = created_by_snippet(self)
            if not getattr(self, "_snipexec_own", False):
                return  # 队列、Value、进程池内部的锁：不包装，不增加任何开销
            acquire, release = self.acquire, self.release

            def recorded_acquire(*args, **kwargs):
                _record(_contract.LOCK_REQUEST)
                got = acquire(*args, **kwargs)
                if got:
                    _record(_contract.LOCK_ACQUIRE)
                return got

            def recorded_release():
                _record(_contract.LOCK_RELEASE)  # 先记录再释放，下一个获得者的记录一定在它之后
                release()

            self.acquire, self.release = recorded_acquire, recorded_release

        # spawn/forkserver 把锁 pickle 给子进程：“是不是片段自己的锁”这个标记跟着一起过去
        getstate, setstate = sync.SemLock.__getstate__, sync.SemLock.__setstate__

        def getstate_with_mark(self):
            return getstate(self), getattr(self, "_snipexec_own", False)

        def setstate_with_mark(self, state):
            state, self._snipexec_own = state
            setstate(self, state)

        sync.SemLock.__getstate__ = getstate_with_mark
        sync.SemLock.__setstate__ = setstate_with_mark
        sync.SemLock._make_methods = recorded_make_methods
        # with lock: 走的是类上的 __enter__/__exit__，让它们经过上面包装过的方法
        sync.SemLock.__enter__ = lambda self: self.acquire()
        sync.SemLock.__exit__ = lambda self, *exc: self.release()

    def _task_recorder(function):
        import functools

        @functools.wraps(function)  # 保留模块名和限定名：任务按名字 pickle，名字必须还能找到它
        def recorded(*args, **kwargs):
            _record(_contract.TASK_START)
            try:
                return function(*args, **kwargs)
            finally:
                _record(_contract.TASK_END)

        return recorded

    # 进程池把任务打包后交给这些模块级函数执行（按名字 pickle，子进程里解析到的也是这里包装后的版本）
    @_after_import("multiprocessing.pool")
    def _record_pool_tasks(pool):
        pool.mapstar = _task_recorder(pool.mapstar)
        pool.starmapstar = _task_recorder(pool.starmapstar)

    @_after_import("concurrent.futures.process")
    def _record_executor_tasks(futures_process):
        futures_process._process_chunk = _task_recorder(futures_process._process_chunk)

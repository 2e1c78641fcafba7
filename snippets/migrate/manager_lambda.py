from multiprocessing.managers import BaseManager


class SettingsManager(BaseManager):
    pass


# 旧写法：用 lambda 注册管理器的方法
SettingsManager.register("get_settings", callable=lambda: {"debug": True})

if __name__ == "__main__":
    manager = SettingsManager()
    try:
        manager.start()
    except Exception as error:  # 旧代码没有 try：这里只为打印异常
        print(f"start() 失败：{type(error).__name__}: {error}")
        for note in getattr(error, "__notes__", []):
            print(f"  {note}")
    else:
        print(f"管理器进程返回：{manager.get_settings()}")
        manager.shutdown()

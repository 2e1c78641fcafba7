from multiprocessing.managers import BaseManager


class SettingsManager(BaseManager):
    pass


def make_settings():  # 模块顶层的函数：管理器进程按名字找得到它
    return {"debug": True}


SettingsManager.register("get_settings", callable=make_settings)

if __name__ == "__main__":
    with SettingsManager() as manager:
        print(f"管理器进程返回：{manager.get_settings()}")

"""站点搜索（material 的 search 插件用 jieba 给中文分词）：在片段运行时先把 jieba 的词典加载好。"""

from __future__ import annotations

import importlib


def load_jieba() -> None:
    """加载 jieba 的词典。

    jieba 0.42 用 marshal.load(文件) 读它约 9 MB 的词典缓存，逐个对象调用 read()：本机要 1 秒多，
    全程占着 GIL，构建里别的线程都停下；先整块读入再 marshal.loads 只要三分之一的时间。
    只替换 jieba 模块里的 marshal 名字，读写的内容和格式都不变；jieba 不再用这个名字时什么也不改。
    """
    import marshal
    import types

    jieba = importlib.import_module("jieba")
    original = getattr(jieba, "marshal", None)
    if original is marshal:
        jieba.marshal = types.SimpleNamespace(load=lambda file: marshal.loads(file.read()), dump=marshal.dump)
    try:
        jieba.initialize()
    finally:
        if original is marshal:
            jieba.marshal = marshal

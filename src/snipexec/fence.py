"""superfences 的 snippet 围栏：校验选项，把片段的源码和运行结果（标签页、环境戳、时间线）转换成 HTML。

mkdocs.yml 在 pymdownx.superfences 的 custom_fences 里登记名为 snippet 的围栏，
validator 是本模块的 validate，format 是本模块的 render。
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import itertools
import json
import os
import platform
from pathlib import Path

from .cache import NAMESPACES, package_digest
from .engine import Engine
from .model import Absent, Result, Snippet, SnippetError
from .plan import FenceOptions

ROOT_ENV = "SNIPEXEC_ROOT"  # 项目根目录（默认是当前目录：mkdocs 和 zensical 都在项目根目录下运行）
_engine: Engine | None = None
_pages = itertools.count(1)  # 给每个 Markdown 实例（页面）编号


def engine() -> Engine:
    """这个进程的引擎（第一个围栏渲染时创建）。"""
    global _engine
    if _engine is None:
        _engine = Engine(Path(os.environ.get(ROOT_ENV, Path.cwd())).resolve())
    return _engine


def validate(language, inputs, options, attrs, md) -> bool:  # noqa: ARG001 - superfences 的接口
    options["snipexec"] = FenceOptions.parse(inputs)
    return True


def render(src, language, class_name, options, md, **kwargs):  # noqa: ARG001 - superfences 的接口
    try:
        return _render(src.strip(), options.get("snipexec") or FenceOptions(), md)
    except SnippetError:
        raise
    except Exception as error:  # superfences 会吞掉普通异常、把块渲染成普通代码：改成让构建失败
        raise SnippetError(f"渲染片段 {src.strip()} 时出错：{type(error).__name__}: {error}") from error


def _render(name: str, options: FenceOptions, md):
    current = engine()
    # 页面里第几个片段围栏（MkDocs 每个页面用一个新的 Markdown 实例）：标签页等元素的 id 由它决定，
    # 同一页上互不重复，也不随其他页面、其他围栏是否取自缓存而变。引擎还凭（实例, 位置）认出新的一次构建
    md.snipexec_fences = getattr(md, "snipexec_fences", 0) + 1
    if not hasattr(md, "snipexec_page"):
        md.snipexec_page = next(_pages)
    id_prefix = f"snippet-{md.snipexec_fences}-"
    with current.rendering_fence(name, options, (md.snipexec_page, md.snipexec_fences)) as (snippet, results, charts):
        return _html(current, snippet, results, charts, options, md, id_prefix)


def _html(current: Engine, snippet: Snippet, results: list[Result | Absent], charts: list[str], options: FenceOptions,
          md, id_prefix: str):
    from markdown_exec import base_format
    from markupsafe import Markup

    prefix = current.site_prefix(snippet.name)
    title = f"snippets/{snippet.name}"
    # 转换出来的 HTML 只取决于下面这些：都没变就直接用上次的（省掉 Markdown 转换和代码高亮，热构建的一大半）
    key = html_key(md, snippet.shown_source, [{**dataclasses.asdict(result), "cached": None} for result in results],
                   charts, repr(options), id_prefix, prefix, title, os.environ.get("REPO_URL"))
    # 按 Markdown 配置分命名空间：MkDocs 和 Zensical 的配置不同，各自的条目互不清理（cache.Cache.remove_stale）
    name_in_cache = f"{NAMESPACES}/{markdown_config(md)[1]}/{key}.html"
    cached = None if current.fresh else current.cache.read(name_in_cache)
    if cached is not None:
        return Markup(cached)  # noqa: S704 - 自己上次转换出来的 HTML
    html = base_format(
        language="python", code=snippet.shown_source, md=md, source="above", extra={"title": title},
        id_prefix=id_prefix,
        run=lambda code, **_: results_markdown(snippet, results, charts, prefix, versioned=bool(options.versions)),
    )
    current.cache.write(name_in_cache, str(html))
    return html


def markdown_config(md) -> tuple[str, str]:
    """转换围栏的 Markdown 扩展及其配置（JSON），和它的短摘要（缓存的命名空间）。每个页面算一次。"""
    # markdown-exec 转换围栏时用的正是 md.registeredExtensions（再加上 tables、md_in_html），配置也取自它们
    if not hasattr(md, "snipexec_config"):
        config = json.dumps(
            [[type(ext).__module__, type(ext).__qualname__, ext.getConfigs()] for ext in md.registeredExtensions],
            default=lambda value: getattr(value, "__module__", "") + "." + getattr(value, "__qualname__", repr(value)),
            sort_keys=True,
        )
        md.snipexec_config = (config, hashlib.sha256(config.encode()).hexdigest()[:12])
    return md.snipexec_config


def html_key(md, *inputs) -> str:
    """一个围栏转换结果的缓存键：输入，加上转换它的一切（引擎包、Markdown 扩展的版本和配置）。"""
    text = json.dumps([package_digest(), renderer_versions(), markdown_config(md)[0], inputs], sort_keys=True,
                      ensure_ascii=False, default=str)
    return hashlib.sha256(text.encode()).hexdigest()[:32]


@functools.lru_cache(maxsize=1)
def renderer_versions() -> list[str]:
    from importlib.metadata import version

    return [version(name) for name in ("markdown", "pymdown-extensions", "pygments", "markdown-exec", "markupsafe")]


def results_markdown(snippet: Snippet, results: list[Result | Absent], charts: list[str] | None = None,
                     site_prefix: str = "../", versioned: bool = False) -> str:
    """结果的 Markdown：每次运行一段输出和一行环境戳（可带时间线）；不止一次时用标签页并排，
    标签是启动方法，versioned（versions= 围栏）时是“Python 3.N”，没有输出的版本只有一段说明。"""
    command = f"python {snippet.rel}"

    def block(result: Result, chart: str) -> str:
        fence = "`" * 6
        body = result.output.rstrip("\n") or "（没有输出）"
        expected = snippet.meta.expected(result.python)
        expect = f" · {expected.describe()}" if expected.raises or expected.exit else ""
        return (f'{fence}text title="$ {command}"\n{body}\n{fence}\n\n'
                f'{result.stamp()}{expect}{links}\n{{: .snippet-stamp }}\n\n{chart}')

    def note(title: str, text: str) -> str:
        return f'!!! info "{title}"\n    {text}\n\n{links.removeprefix(" · ")}\n{{: .snippet-stamp }}\n'

    def absent(entry: Absent) -> str:
        if entry.missing:
            return note(f"没有 Python {entry.version} 的输出",
                        f"构建本站时没有安装 CPython {entry.version}，这个示例没有在 {entry.version} 上运行，因此这里没有输出。"
                        f"用 Python {entry.version} 运行 `{command}` 可以看到结果。")
        return note(f"需要 Python {snippet.meta.needs} 或更新版本",
                    f"这个示例需要 Python {snippet.meta.needs}+，没有在 {entry.version} 上运行，因此这里没有输出。")

    # docs/snippets 是指向 snippets/ 的符号链接，MkDocs 会把源文件复制进站点：链接永远可用，
    # 也受构建时的链接检查约束。知道仓库地址时（发布工作流设置 REPO_URL）再加一个到仓库的链接。
    links = f" · [下载 {snippet.path.name}]({site_prefix}{snippet.rel})"
    if os.environ.get("REPO_URL"):
        links += f" · [在仓库中查看]({os.environ['REPO_URL'].rstrip('/')}/blob/main/{snippet.rel})"
    if not results and not snippet.meta.runnable_here:
        return note(f"需要 Python {snippet.meta.needs} 或更新版本",
                    f"本站构建用的是 CPython {platform.python_version()}，这个示例没有运行，因此这里没有输出。"
                    f"用 Python {snippet.meta.needs}+ 运行 `{command}` 可以看到结果。")
    charts = charts or [""] * len(results)
    parts = [absent(r) if isinstance(r, Absent) else block(r, c) for r, c in zip(results, charts)]
    if len(parts) == 1:
        return parts[0]
    labels = [f"Python {r.version if isinstance(r, Absent) else '{}.{}'.format(*r.python)}" if versioned
              else r.start_method for r in results]
    return "\n".join(f'=== "{label}"\n\n' + "\n".join("    " + line for line in part.splitlines()) + "\n"
                     for label, part in zip(labels, parts))

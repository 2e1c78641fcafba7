"""站点读者一侧的修补（mkdocs.yml 的 hooks: 加载；只在 MkDocs 构建里生效，Zensical 不运行 hooks）。

1. 搜索索引只收正文：程序输出、运行环境小字、长的源码清单、时间线的数据表都不进索引，
   否则搜索结果的预览是一整段代码或输出（修改前索引里 48 % 是代码和输出）。
2. material 9.8.2 的搜索 worker 切分中文查询时，从不尝试以最后一个字结尾的子串：
   “死锁”被切成“死”，“进程池”被切成“进程”。构建结束后把 worker 里的这两处边界改对；
   它还给查询里的每个词都加通配符（join 变成 join*），完全相同的词和更长的词（joinable）同分，
   这里再给原词加一个加权的精确匹配，讲 join 的页面才排在提到 JoinableQueue 的页面前面（见 patch_worker）。
   索引按下划线和驼峰把 InterpreterPoolExecutor 切成 interpreter、pool、executor 三个词，查询也这样切，
   却把切出的词当成“任一个”：讲 ProcessPoolExecutor 的页面 pool 和 executor 最多，排在第一。
   这里让一个查询词切出的几段都必须出现（+interpreter* +pool* +executor*），同时输入的几个词仍是“任一个”。
   找不到要改的代码时构建失败：升级 material 后要重新看一遍这些还需不需要。
3. 性能：去掉 material 调色板样式里一条让整页重算样式的规则（见 patch_palette）；代码块标上占位高度，
   屏幕外的不做样式计算和排版（content-visibility，见 docs/stylesheets/extra.css）。
4. 无障碍：搜索对话框有名字；左上角空着的表头（第一列是行标题的表格）改成行标题，
   让每个数据格都有表头。

页面上的所有改动都在 MkDocs 已经把 Markdown 转换成 HTML 之后做，不改页面的源文件。
"""

from __future__ import annotations

import html
import json
import math
import re
import unicodedata
from pathlib import Path

from mkdocs.exceptions import PluginError

# 源码清单超过这么多行就不进搜索索引（短的清单留着：读者搜 API 名字时能找到用它的那一节）
LONG_LISTING_LINES = 12

_BLOCK = re.compile(r'<div class="highlight">(?:<span class="filename">(?P<title>[^<]*)</span>)?<pre>(?P<body>.*?)</pre></div>',
                    re.S)
_TAG = re.compile(r"<[^>]+>")


def _height_em(body: str, wraps: bool) -> float:
    """代码块大约多高（em）：标题栏和内边距约 3.9em，每行 1.19em（实测 material 9.8 的代码字号和行高）。

    宁可估高：CSS 用它作 content-visibility 的占位高度（见 docs/stylesheets/extra.css），估低了，没渲染的块里的
    代码会超出占位、压在下一个元素上，无障碍检查按重叠算背景色就会误报。输出在手机上自动换行：按一行约 40 列
    （汉字算 1.7 列）估计换成几行。
    """
    lines = html.unescape(_TAG.sub("", body)).rstrip("\n").split("\n")
    if not wraps:
        return 3.9 + 1.19 * len(lines)
    columns = [sum(1.7 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line) for line in lines]
    return 3.9 + 1.19 * (sum(max(1, math.ceil(width / 40)) for width in columns) + 1)


# 高亮里不改变样子的标记：名字（.n，material 给它的颜色就是代码的默认颜色）和空白（.w，没有样式）。
# 它们占代码块元素的三成；去掉后 /pool/ 少约 700 个元素，显示完全一样
_PLAIN_SPAN = re.compile(r'<span class="[nw]">([^<]*)</span>')


def _mark_block(match: re.Match) -> str:
    title, body = match["title"] or "", match["body"]
    unwrapped = _PLAIN_SPAN.sub(r"\1", body)
    classes, attrs = "highlight", ""
    output = title.startswith("$ ")  # 片段的运行输出（标题是命令行）
    if output:
        classes += " snippet-output"
    if output or body.count("\n") > LONG_LISTING_LINES:
        attrs += " data-search-exclude"
    attrs += f' style="contain-intrinsic-block-size:auto {_height_em(body, output):.1f}em"'
    if not output:
        # 源码不换行、常要横向滚动：能用 Tab 到达。material 也会这样做，但 content.lazy 下它要等代码块滚到眼前
        # 才处理，用 Tab 往下走时还没处理的块就被跳过了；处理时它会给不需要滚动的块去掉 tabindex
        unwrapped = unwrapped.replace("<code>", '<code tabindex="0">', 1)
    block = match[0].replace('<div class="highlight">', f'<div class="{classes}"{attrs}>', 1)
    return block.replace(body, unwrapped, 1)


# 第一格是空 <th> 的表格：第一列是行标题。把它们标成行标题，数据格才都有表头（axe td-has-header）
_TABLE = re.compile(r"<table>\s*<thead>\s*<tr>\s*<th></th>(?P<rest>.*?)</table>", re.S)
_FIRST_TD = re.compile(r"(<tr>\s*)<td>(.*?)</td>", re.S)


def _row_headers(match: re.Match) -> str:
    rest = _FIRST_TD.sub(r'\1<th scope="row">\2</th>', match["rest"])
    return f'<table>\n<thead>\n<tr>\n<td></td>{rest}</table>'


def on_page_content(html_text: str, page, config, files) -> str:
    html_text = _BLOCK.sub(_mark_block, html_text)
    html_text = html_text.replace('<p class="snippet-stamp">', '<p class="snippet-stamp" data-search-exclude>')
    return _TABLE.sub(_row_headers, html_text)


_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def on_post_page(output: str, page, config) -> str:
    if _DIALOG not in output:
        raise PluginError(f"overrides/hooks.py：{page.file.src_uri} 里找不到 material 的搜索对话框，"
                          "升级主题后请检查它是否已经有名字（aria-label）")
    return output.replace(_DIALOG, _DIALOG[:-1] + ' aria-label="搜索">', 1)


# material 9.8.2 的 segment()（src/.../search/query/segment/index.ts）：
#   for (let j = i + 1; j < query.length; j++) ...         漏了以最后一个字结尾的子串
#   if (wordcuts[q] && q < query.length - 1) stack.push(q)  漏了从最后一个字开始的词
# 和 transform()（.../search/query/transform/index.ts）的最后一步：
#   .map(term => /(^[+-]|[~^]\d+$)/.test(term) ? term : `${term}*`)
# 以及 transformSearchQuery()（.../search/query/_/index.ts）：按分隔符把一个查询词切成几段，每段成了“任一个”的查询词
#   case "TERM": split(term, lunr.tokenizer.separator, (...range) => { terms.push(...) })   ...   return terms
# 压缩后的名字随版本变，所以按结构匹配
EXACT_BOOST = 4  # 精确匹配的额外权重：文档里有原词时，它比只有更长的词（通配符扩展出来的）多得这么多分
_PATCHES = [
    (re.compile(r"for\(let (\w+)=(\w+)\+1;\1<(\w+)\.length;\1\+\+\)\3\.slice\(\2,\1\)in \w+"),
     lambda m: m[0].replace(f"{m[1]}<{m[3]}.length", f"{m[1]}<={m[3]}.length", 1)),
    (re.compile(r"(\w+)\[(\w+)\]&&\2<(\w+)\.length-1&&"),
     lambda m: f"{m[1]}[{m[2]}]&&{m[2]}<{m[3]}.length&&"),
    (re.compile(r"\.map\((\w+)=>/\(\^\[\+-\]\|\[~\^\]\\d\+\$\)/\.test\(\1\)\?\1:`\$\{\1\}\*`\)"),
     lambda m: m[0][:-2] + f' ${{{m[1]}.replace(/\\*+$/,"")}}^{EXACT_BOOST}`)'),
    (re.compile(r'case"TERM":\w+\(\w+,lunr\.tokenizer\.separator,\(\.\.\.\w+\)=>\{(\w+)\.push\([^{}]*\)\}\)\}return \1\}'),
     lambda m: m[0][:-len(f"return {m[1]}}}")]
     + f'return {m[1]}.length>1?{m[1]}.map(t=>/^-/.test(t)?t:"+"+t.replace(/^\\+|\\*+$/g,"")+"*"):{m[1]}}}'),
]


def patch_worker(source: str) -> str:
    """把 material 搜索 worker 里查询处理的四处改对（见上）；哪一处找不到都抛出 PluginError。"""
    for pattern, fix in _PATCHES:
        found = pattern.search(source)
        if not found:
            raise PluginError("overrides/hooks.py：material 的搜索 worker 变了，找不到要修补的查询代码 "
                              f"{pattern.pattern!r}。请确认新版本是否已经修好中文查询的切分和精确匹配"
                              "（tests/test_site.py 的搜索测试会告诉你），再更新或删除这个补丁")
        source = source[:found.start()] + fix(found) + source[found.end():]
    return source


# material 的调色板脚本在每次加载页面时给 <body> 加上又去掉 data-md-color-switching，这条规则让它成了
# “整页每个元素都要重算样式”（手机模拟下 /pool/ 两次各约 0.2 秒，Lighthouse 记作主线程阻塞）。
# 规则本身只为切换主题的那一下关掉过渡动画：去掉它，切换时颜色会有 0.25 秒的渐变，仅此而已
_SWITCHING = re.compile(r"\[data-md-color-switching\] \*,\[data-md-color-switching\] :after,"
                        r"\[data-md-color-switching\] :before\{transition-duration:0s!important\}")


def _patch_once(path: Path, patch) -> None:
    source = path.read_text(encoding="utf-8")
    # mkdocs serve 的增量构建可能不重新复制主题文件：已经改过的不再改
    if "/*site:patched*/" not in source:
        path.write_text("/*site:patched*/" + patch(source), encoding="utf-8")


def _one(config, folder: str, pattern: str) -> Path:
    found = sorted(Path(config.site_dir, *folder.split("/")).glob(pattern))
    if len(found) != 1:
        raise PluginError(f"overrides/hooks.py：{folder} 里应当正好有一个 {pattern}，找到 {[f.name for f in found]}")
    return found[0]


def patch_palette(source: str) -> str:
    if not _SWITCHING.search(source):
        raise PluginError("overrides/hooks.py：material 的调色板样式里找不到 data-md-color-switching 规则，"
                          "升级主题后请重新量一下 Lighthouse（nox -s lighthouse），再更新或删除这个补丁")
    return _SWITCHING.sub("", source, count=1)


def on_post_build(config) -> None:
    # 搜索插件把索引写成 ASCII 转义的 JSON（每个汉字 6 个字节）；同样的内容直接写 UTF-8 小四成，压缩后小一成多
    index = Path(config.site_dir, "search", "search_index.json")
    if index.is_file():
        data = json.loads(index.read_text(encoding="utf-8"))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    _patch_once(_one(config, "assets/javascripts/workers", "search.*.min.js"), patch_worker)
    _patch_once(_one(config, "assets/stylesheets", "palette.*.min.css"), patch_palette)

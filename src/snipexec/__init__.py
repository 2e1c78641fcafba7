"""snipexec：把 snippets/ 里的示例当作真实程序运行，并把结果嵌入页面。

构建（作为 pymdownx.superfences 的自定义围栏，不是 MkDocs 插件）和测试共用这个包。各模块各管一件事：

- ``model``：片段、声明（预期）、运行结果，结果是否符合预期；
- ``interpreters``：运行片段的 CPython（versions= 的版本在哪里、是什么版本）；
- ``runner``：在全新的进程里运行一个片段（注入 ``childsite/sitecustomize.py``，引擎与它的约定在 ``childsite/snipexec_contract.py``）；
- ``plan``：围栏的选项（唯一的解析器）、页面里的围栏、一轮构建要做的运行；
- ``claims``：检查函数（页面的说法）；``cache``：缓存键和过期清理；
- ``engine``：调度（线程池、轮次、汇总）；``fence``：superfences 的校验和转换（HTML）；``timeline``：时间线图。

页面写法::

    ```snippet
    create/target_function.py
    ```

    ```snippet methods="fork spawn forkserver"
    isolation/global_variable.py
    ```

    ```snippet versions="3.13 3.14"
    process_object/interrupt.py
    ```

``versions=`` 列出 3.11–3.15 里的几个版本：每个版本一个标签页，各用那个版本的 CPython 真实运行一次
（平台默认启动方法；解释器先在 PATH 上找 ``pythonX.Y``，再找 pyenv 的 ``~/.pyenv/versions/X.Y.*/bin``）。
构建时没装的版本，标签页里如实注明“没有安装，因此没有输出”，构建照常完成，汇总行列出缺了哪些版本。
``versions=`` 和 ``methods=`` 不能写在同一个围栏里（会报错）：要比较的只能是一个维度，另一维度取平台默认。

片段在文件末尾用一行注释声明预期（可省略，默认“退出状态 0”；页面上隐藏这一行，放在末尾，回溯里的行号才和显示的源码一致）::

    # snippet: raises=queue.Empty timeout=20 alone

- ``raises=异常名``：必须以该异常失败（退出状态 1，回溯最后一行是该异常）；
- ``exit=N``：必须以退出状态 N 结束；
- ``timeout=秒``：超时（默认 15 秒），到时杀掉整个进程树并判为失败；
- ``alone``：计时敏感的 CPU 密集示例，运行时不与其他片段并行；
- ``requires=3.14``：需要更新的 CPython；在更旧的版本上不运行（页面注明，测试跳过），绝不伪造输出；
- ``retries=N``（最多 5）：输出取决于共享主机忙不忙的测量；检查函数不成立时最多再运行 N 次，页面的环境戳注明“第 2 次运行”。

预期随版本不同时，用带版本条件的声明行写出那些版本上的预期（只能写 ``raises=`` 或 ``exit=``，
它替换无条件的预期；条件是 ``<``、``<=``、``>``、``>=``、``==`` 加 ``3.N``，逗号分隔表示“同时满足”）::

    # snippet[<3.14]: raises=AttributeError
    # snippet[>=3.12,<3.14]: exit=2

同一个版本最多符合一行带条件的声明；写错的条件、键或值都会报错。检查函数可以用 ``result.python``
（如 ``(3, 14)``）按运行它的版本分别断言。

页面的说法写成检查函数：``tests/snippets/<主题>.py`` 里与片段同名的函数（``-`` 换成 ``_``），参数是运行结果。
构建对放上页面的每个结果（新跑的、取自缓存的，每个标签页）都调用它；不成立就重跑（``retries=``），
仍不成立则构建失败，错误信息指出页面、片段、版本、启动方法和不成立的那一行。页面用到的片段没有检查函数也是错误。

缓存放在 ``.snipexec/cache/``；``SNIPEXEC_FRESH=1`` 强制重新运行全部片段。
"""

from .cache import result_key
from .claims import Claims, check_claim, claim_failure_message, claim_key, claims, verified
from .engine import Engine
from .interpreters import CHILD_SITE, Interpreter, find_interpreter, find_python
from .model import (DEFAULT_TIMEOUT, METHODS, OUTPUT_LIMIT, VERSIONS, Absent, Expectation, Meta, Result, Snippet,
                    SnippetError, failure_message, problems)
from .plan import Fence, FenceOptions, PlannedRun, charted_snippets, fences, pages_in_build_order, planned_runs
from .runner import run

__all__ = [
    "CHILD_SITE", "DEFAULT_TIMEOUT", "METHODS", "OUTPUT_LIMIT", "VERSIONS", "Absent", "Claims", "Engine", "Expectation",
    "Fence", "FenceOptions", "Interpreter", "Meta", "PlannedRun", "Result", "Snippet", "SnippetError", "charted_snippets",
    "check_claim", "claim_failure_message", "claim_key", "claims", "failure_message", "fences", "find_interpreter",
    "find_python", "pages_in_build_order", "planned_runs", "problems", "result_key", "run", "verified",
]

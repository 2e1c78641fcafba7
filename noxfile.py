"""维护者唯一的入口：nox -s docs / tests / serve / bench。"""

from __future__ import annotations

import hashlib
import os
import shutil
import sys
from pathlib import Path

import nox

ROOT = Path(__file__).parent
PYPROJECT = nox.project.load_toml("pyproject.toml")
PYTHONS = ["3.11", "3.12", "3.13", "3.14", "3.15"]
# 读者在用的版本：站点用它构建（3.14 起 Linux 的默认启动方法是 forkserver）
SITE_PYTHON = "3.14"
CI = bool(os.environ.get("CI"))

# pyenv 装的各个版本不一定在 PATH 上（shim 只认当前激活的版本）：把它们的 bin 目录追加到 PATH 末尾，
# nox 才能找到 python3.12、python3.13……；排在后面，不改变默认的 python。
_pyenv = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv")) / "versions"
os.environ["PATH"] = os.pathsep.join([os.environ.get("PATH", ""), *map(str, sorted(_pyenv.glob("3.*/bin")))])

# virtualenv 给 3.12 之前的 Python 建环境时默认装 setuptools，它的 .pth 让每个 Python 进程启动时都导入一个
# 垫片模块（片段进程不写 .pyc 时，还要每次重新编译它，本机约 10 毫秒，一次构建约 190 个进程）。
# 这些环境里没有什么需要 setuptools（只有源码包的 jieba 由 pip 在隔离的构建环境里打包）；uv 本来就不装它
os.environ.setdefault("VIRTUALENV_NO_SETUPTOOLS", "1")
os.environ.setdefault("VIRTUALENV_NO_WHEEL", "1")



def docs_python() -> str:
    """构建站点用的 Python：装了 3.14 就用它，否则用装了的最新版本（≥ 3.11）。

    站点测试（构建整站、浏览器搜索）也只在这个版本上跑一次，和 nox -s docs 共用片段缓存。
    """
    installed = [v for v in PYTHONS if shutil.which(f"python{v}")]
    if SITE_PYTHON in installed:
        return SITE_PYTHON
    return installed[-1] if installed else f"{sys.version_info[0]}.{sys.version_info[1]}"


DOCS_PYTHON = docs_python()

nox.needs_version = ">=2025.2.9"
nox.options.default_venv_backend = "uv|virtualenv"
nox.options.reuse_venv = "yes"
nox.options.sessions = ["docs", "tests"]
# 本机没有的 CPython 版本在本地跳过；CI 上缺版本就是错误。
nox.options.error_on_missing_interpreters = CI

ENV = {"NO_MKDOCS_2_WARNING": "1"}


def install(session: nox.Session, group: str) -> None:
    """按依赖组安装，再以可编辑方式装上引擎 snipexec（src/snipexec/，mkdocs.yml 按名字引用它）；
    pyproject.toml 没变且虚拟环境被复用时什么也不做（可编辑安装只记下源码目录，改了源码不必重装）。"""
    requirements = nox.project.dependency_groups(PYPROJECT, group)
    digest = hashlib.sha256("\n".join([*requirements, (ROOT / "pyproject.toml").read_text()]).encode()).hexdigest()
    stamp = Path(session.virtualenv.location) / f".installed-{group}"
    if stamp.is_file() and stamp.read_text() == digest:
        return
    session.install(*requirements)
    session.install("--no-deps", "-e", ".")
    # 由 run_install 写下记号：-R（--no-install）复用环境时上面两行什么也没装，这一步也跳过，
    # 否则记号会把没装的依赖当成装好了，之后不带 -R 的运行也不再安装
    session.run_install("python", "-c", "import pathlib, sys; pathlib.Path(sys.argv[1]).write_text(sys.argv[2])",
                        str(stamp), digest, silent=True, log=False)


@nox.session(python=DOCS_PYTHON)
def docs(session: nox.Session) -> None:
    """构建站点到 site/：运行页面用到的每个片段（有缓存），任何不符合预期的结果都让构建失败。"""
    install(session, "docs")
    session.run("mkdocs", "build", *session.posargs, env=ENV)


@nox.session(python=DOCS_PYTHON)
def serve(session: nox.Session) -> None:
    """在 http://127.0.0.1:8000 预览，修改文档或片段后自动重建。"""
    install(session, "docs")
    session.run("mkdocs", "serve", "--watch", "snippets", "--watch", "src", "--watch", "tests/snippets", *session.posargs,
                env=ENV)


@nox.session(python=PYTHONS)
def tests(session: nox.Session) -> None:
    """在每个已安装的 CPython 3.11–3.15 上运行全部测试（片段 × fork/spawn/forkserver、引擎单元测试、文档代码块）。"""
    install(session, "tests")
    workers = os.environ.get("TESTS_WORKERS", "3")
    env = {**ENV, "SITE_TESTS": "1" if session.python == DOCS_PYTHON else "0"}
    # 传了筛选参数（如 -k）时，某一阶段可能一个测试都没选中（pytest 退出码 5），不算失败
    selected = [0, 5] if session.posargs else [0]
    # 先并行运行绝大多数测试；再逐个运行需要安静机器的（计时敏感的 alone 片段、整站构建和浏览器测试）
    # 参数里关掉了 xdist（-p no:xdist）时，第一阶段也不并行（否则 pytest 不认识 -n，以用法错误退出）
    parallel = [] if "no:xdist" in session.posargs else ["-n", workers]
    session.run("pytest", *parallel, "-m", "not quiet", *session.posargs, env=env, success_codes=selected)
    session.run("pytest", "-p", "no:xdist", "-m", "quiet", *session.posargs, env=env, success_codes=selected)


@nox.session(python=DOCS_PYTHON)
def bench(session: nox.Session) -> None:
    """构建基准：片段串行总时长、冷构建、热构建、改一个片段后的构建，输出同一次运行中的比值。"""
    install(session, "docs")
    session.run("python", "tools/bench.py", *session.posargs, env=ENV)


@nox.session(python=DOCS_PYTHON)
def lighthouse(session: nox.Session) -> None:
    """构建站点，用 gzip 在本机提供，按手机和桌面对四个页面跑 Lighthouse 12.2.3（要 node 和 npm；-- --runs 1 只跑一次）。"""
    install(session, "docs")
    session.run("mkdocs", "build", "-q", env=ENV)
    session.run("python", "tools/lighthouse/run.py", "site", *session.posargs, env=ENV)


@nox.session(python=DOCS_PYTHON)
def zensical(session: nox.Session) -> None:
    """用 Zensical 构建同一份 mkdocs.yml 到 site-zensical/，并检查每个片段都渲染出了运行结果。"""
    install(session, "zensical")
    # 同一份配置，只把输出目录换掉，免得覆盖 MkDocs 的 site/（Zensical 要求配置文件在项目根目录）
    config = ROOT / ".zensical.yml"
    config.write_text("site_dir: site-zensical\n" + (ROOT / "mkdocs.yml").read_text(encoding="utf-8"), encoding="utf-8")
    session.run("zensical", "build", "--clean", "-f", str(config), *session.posargs, env=ENV)
    session.run("python", "-m", "snipexec.rendered", "site-zensical", env=ENV)


@nox.session
def clean(session: nox.Session) -> None:
    """删除构建产物和片段缓存（下一次构建会重新运行全部片段）。"""
    for path in ("site", "site-zensical", ".cache", ".snipexec"):
        shutil.rmtree(ROOT / path, ignore_errors=True)

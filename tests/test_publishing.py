"""发布工作流：结构有效，并且用的是 README 里的同一条构建命令。"""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_pages_workflow_builds_with_nox_and_deploys_site():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 把键 on 读成 True
    # 权限按需给：整个工作流只读，只有部署那一步能写 Pages
    assert "push" in triggers and workflow["permissions"] == {"contents": "read"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert "permissions" not in build and deploy["permissions"] == {"pages": "write", "id-token": "write"}
    runs = [step.get("run", "") for step in build["steps"]]
    assert "python -m nox -s docs" in runs
    # 站点用 3.14 构建（noxfile 选它），其余版本给版本标签页用：五个版本都要装上
    versions = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/setup-python"))["with"]
    assert versions["python-version"].split() == ["3.11", "3.12", "3.13", "3.15", "3.14"]
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    nox_step = next(s for s in build["steps"] if s.get("run") == "python -m nox -s docs")
    assert {"SITE_URL", "REPO_URL"} <= set(nox_step["env"])
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]


def test_tests_workflow_runs_the_readme_commands_on_every_version():
    workflow = yaml.safe_load((ROOT / ".github/workflows/tests.yml").read_text(encoding="utf-8"))
    [job] = workflow["jobs"].values()
    runs = [step.get("run", "") for step in job["steps"]]
    assert runs.index("python -m nox -s tests") < runs.index("python -m nox -s docs")
    setup = next(s for s in job["steps"] if s.get("uses", "").startswith("actions/setup-python"))["with"]
    assert sorted(setup["python-version"].split()) == ["3.11", "3.12", "3.13", "3.14", "3.15"]

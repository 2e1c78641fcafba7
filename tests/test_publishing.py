"""发布工作流：结构有效，并且用的是 README 里的同一条构建命令。"""

from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[1]


def test_pages_workflow_builds_with_nox_and_deploys_site():
    workflow = yaml.safe_load((ROOT / ".github/workflows/pages.yml").read_text(encoding="utf-8"))
    triggers = workflow.get("on", workflow.get(True))  # YAML 1.1 把键 on 读成 True
    assert "push" in triggers and workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run", "") for step in build["steps"]]
    assert "nox -s docs" in runs
    uses = [step.get("uses", "").split("@")[0] for step in build["steps"]]
    assert uses.index("actions/configure-pages") < uses.index("actions/upload-pages-artifact")
    upload = next(s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact"))
    assert upload["with"]["path"] == "site"
    nox_step = next(s for s in build["steps"] if s.get("run") == "nox -s docs")
    assert {"SITE_URL", "REPO_URL"} <= set(nox_step["env"])
    assert deploy["needs"] == "build" and deploy["environment"]["name"] == "github-pages"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]

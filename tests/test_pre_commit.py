"""The pre-commit hook, run by the real pre-commit as a user would: it blocks a commit
of a policy with an unfilled placeholder and lets the fix through.

pre-commit installs the hook into an environment of its own. The test gives pip no
index, only the local cache of wheels that `make test` makes (.wheels/), so it never
reaches the network (about 10 s: the install no longer brings PyTorch).

The hook runs as on a developer's machine: its first run starts policylint's daemon in
pre-commit's environment, and pre-commit, which reads the hook's output to its end, must
not be kept waiting by it.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import FIXTURES, ROOT, TODAY, soon

from policylint.daemon import CI_ENVS

pytestmark = pytest.mark.skipif(not (ROOT / ".git").exists(), reason="needs the policylint git repository")


def _git(*args: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    # A hook held open (by a daemon that kept its output, say) fails the test, not the suite.
    return subprocess.run(["git", *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300, check=False)


WHEELS = ROOT / ".wheels"


@pytest.fixture
def hook_env(tmp_path):
    if not (WHEELS / ".made").exists():
        pytest.skip("no local wheel cache: `make test` makes .wheels/ and runs this test")
    on_a_developer_machine = ("POLICYLINT_NO_DAEMON", *CI_ENVS)
    env = {
        **{name: value for name, value in os.environ.items() if name not in on_a_developer_machine},
        "POLICYLINT_DAEMON_DIR": str(tmp_path / "daemon"),
        "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home"),
        "PIP_NO_INDEX": "1",
        "PIP_FIND_LINKS": str(WHEELS),
        "POLICYLINT_TODAY": TODAY,
        "GIT_AUTHOR_NAME": "Test", "GIT_AUTHOR_EMAIL": "test@example.com",
        "GIT_COMMITTER_NAME": "Test", "GIT_COMMITTER_EMAIL": "test@example.com",
        "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}",
    }  # fmt: skip
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True).stdout.strip()
    yield env, rev
    for hook_policylint in Path(env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*/bin/policylint"):
        subprocess.run([hook_policylint, "daemon", "stop"], env=env, capture_output=True, timeout=60, check=False)


def _policy_repo(tmp_path: Path, env: dict[str, str], rev: str) -> Path:
    repo = tmp_path / "policies"
    repo.mkdir()
    _git("init", "-q", cwd=repo, env=env)
    (repo / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {ROOT}\n    rev: {rev}\n    hooks:\n      - id: policylint\n", encoding="utf-8"
    )
    return repo


def test_installed_hook_blocks_the_commit_and_lets_the_fix_through(tmp_path, hook_env):
    env, rev = hook_env
    repo = _policy_repo(tmp_path, env, rev)
    subprocess.run([sys.executable, "-m", "pre_commit", "install"], cwd=repo, env=env, check=True, capture_output=True)
    policy = (FIXTURES / "ar/customer-service-policy.md").read_text(encoding="utf-8")
    (repo / "policy.md").write_text(policy.replace("شركة الواحة للاتصالات", "[الشركة]"), encoding="utf-8")
    _git("add", ".", cwd=repo, env=env)
    blocked = _git("commit", "-qm", "policy", cwd=repo, env=env)
    assert blocked.returncode != 0
    title_line = next(i for i, line in enumerate(policy.split("\n"), 1) if line.startswith("# "))
    assert f"policy.md:{title_line}:" in blocked.stdout + blocked.stderr and "[الشركة]" in blocked.stdout + blocked.stderr
    # That run started a daemon in the hook's environment, which the next run goes through.
    (hook_policylint,) = Path(env["PRE_COMMIT_HOME"]).glob("repo*/py_env-*/bin/policylint")
    assert soon(lambda: "daemon running" in subprocess.run([hook_policylint, "daemon", "status"], env=env, capture_output=True, text=True, timeout=60, check=False).stdout, 60)
    (repo / "policy.md").write_text(policy, encoding="utf-8")
    # The repository's own README and change log are no policies: not linted by the hook.
    (repo / "README.md").write_text("# Policies\n\nOur customer-service policies.\n", encoding="utf-8")
    (repo / "CHANGELOG.md").write_text("# Changelog\n\n- Added the policy.\n", encoding="utf-8")
    _git("add", ".", cwd=repo, env=env)
    allowed = _git("commit", "-qm", "policy", cwd=repo, env=env)
    assert allowed.returncode == 0, allowed.stdout + allowed.stderr
    status = subprocess.run([hook_policylint, "daemon", "status"], env=env, capture_output=True, text=True, timeout=60, check=False)
    assert status.returncode == 0 and "1 runs made" in status.stdout, status.stdout + status.stderr

"""policylint never touches the network: run it as a program with sockets refused."""

from __future__ import annotations

import os

from conftest import FIXTURES, TODAY, run_program

BLOCK_NETWORK = '''
import socket

def _refuse(*args, **kwargs):
    raise OSError("network access attempted during a lint")

socket.socket.connect = _refuse
socket.socket.connect_ex = _refuse
socket.getaddrinfo = _refuse
socket.create_connection = _refuse
'''


def test_lint_runs_with_the_network_unreachable(tmp_path):
    (tmp_path / "sitecustomize.py").write_text(BLOCK_NETWORK, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "HOME": str(home)}
    env.pop("CAMELTOOLS_DATA", None)
    result = run_program("--today", TODAY, "--format", "json", str(FIXTURES), env=env)
    assert result.exit_code == 1, result.stderr  # findings in the templates, and no crash
    assert "network access attempted" not in result.stderr
    assert '"code": "PLA102"' in result.stdout  # Arabic text went through the tokeniser
    # camel-tools creates ~/.camel_tools when it reaches for its data catalogue.
    assert not (home / ".camel_tools").exists()


def test_english_readability_needs_no_download(tmp_path):
    """English syllables come from the CMU dictionary table policylint ships; NLTK (which textstat would ask, and which downloads its cmudict) is never reached."""
    (tmp_path / "sitecustomize.py").write_text(BLOCK_NETWORK, encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    hard = tmp_path / "hard.md"
    hard.write_text(
        "# Escalation Guide\n\nNotwithstanding the aforementioned considerations, representatives are"
        " obligated to systematically document all communications, subsequently escalating unresolved"
        " organizational complications to appropriate managerial authorities. Comprehensive documentation"
        " facilitates institutional accountability, operational transparency and continuous organizational"
        " improvement initiatives. Supervisory personnel subsequently acknowledge escalations expeditiously.\n",
        encoding="utf-8",
    )
    env = {**os.environ, "PYTHONPATH": str(tmp_path), "HOME": str(home), "NLTK_DATA": str(home / "nltk")}
    result = run_program("--today", TODAY, "--select", "PLE104", str(hard), env=env)
    assert "network access attempted" not in result.stderr
    assert "PLE104" in result.stdout, result.stdout + result.stderr
    assert not (home / "nltk").exists() and not (home / "nltk_data").exists()

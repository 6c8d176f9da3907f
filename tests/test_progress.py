"""The progress bar passes items through untouched and draws only on stderr."""
from mtqa.cli import progress


def test_items_pass_through_and_bar_goes_to_stderr(monkeypatch, capsys):
    monkeypatch.setattr(progress, "DELAY_S", 0.0)
    items = list(range(1000))
    assert list(progress.with_progress(iter(items), total=1000, enabled=True)) == items
    assert capsys.readouterr().out == ""


def test_disabled_when_stderr_is_not_a_terminal(capsys):
    assert list(progress.with_progress(iter([1, 2]), total=2)) == [1, 2]
    captured = capsys.readouterr()
    assert captured.out == "" and captured.err == ""

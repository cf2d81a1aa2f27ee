import pytest


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run what the writes inside the block leave for after the commit (the index follows them
    then), as a real commit would: `with committed(): ...`."""

    def block():
        return django_capture_on_commit_callbacks(execute=True)

    return block

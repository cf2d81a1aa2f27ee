"""The information pages of the demo (data/pages.toml): each added only when missing."""

from pages import services
from pages.models import InformationPage

from . import translated


def pages_ensure(data: dict) -> list[str]:
    """Write each page of `data` that has none of its kind yet; the kinds written."""
    written = []
    for kind in InformationPage.Kind.values:
        if kind not in data or InformationPage.objects.filter(kind=kind).exists():
            continue
        texts = translated(data[kind], "title", "body")
        services.page_save(page=InformationPage(kind=kind, **texts))
        written.append(kind)
    return written

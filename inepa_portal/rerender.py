"""Render stored Markdown again with the current rules of inepa_portal/markup.py, for data
migrations that follow a change of those rules (HTML is rendered once, on save)."""

from inepa_portal.markup import render_markdown

BATCH = 500


def rerender(model, *, source: str, html: str, language: str | None = None, using: str) -> None:
    """Render `model.<source>` into `model.<html>` for every row whose HTML changes, in
    `language` (a language code) or each row's `language` field when None."""
    fields = ["pk", source] + (["language"] if language is None else [])
    changed = []
    for row in model.objects.using(using).only(*fields[1:], html).iterator(chunk_size=BATCH):
        new = render_markdown(getattr(row, source), language=language or row.language)
        if new != getattr(row, html):
            setattr(row, html, new)
            changed.append(row)
        if len(changed) >= BATCH:
            model.objects.using(using).bulk_update(changed, [html])
            changed = []
    if changed:
        model.objects.using(using).bulk_update(changed, [html])

"""Query budgets of the results downloads: a stored file is served in the same number of
queries however much the consultation holds, and it holds all of it. Downloads are not in
the page cache (they are files, with their own ETag and Cache-Control)."""

import csv
import io
import json
from datetime import timedelta

import pytest
from django.utils import timezone

from consultations.models import Consultation
from consultations.results import tasks as results_tasks
from tests.consultations.factories import (
    CommentFactory,
    ConsultationFactory,
    SectionFactory,
    VoteFactory,
)
from tests.consultations.results.closed_consultation import pdf_text
from tests.factories import CitizenFactory

pytestmark = pytest.mark.django_db

MANY = 6
SIZES = pytest.mark.parametrize("size", [1, MANY], ids=["1", f"{MANY}"])
READERS = pytest.mark.parametrize(
    ("reader", "queries"),
    # a visitor: the consultation, the stored file's row; a citizen: + session, user
    [("visitor", 2), ("citizen", 4)],
    ids=["visitor", "citizen"],
)


def _closed_and_rendered(size: int) -> tuple[Consultation, list[str]]:
    """A closed consultation with `size` sections, and `size` comments and votes on each of
    them and on the draft as a whole, its results files rendered in English; and the
    comments' texts."""
    now = timezone.now()
    consultation = ConsultationFactory(title_en="Draft open data charter",
                                       opens_at=now - timedelta(days=30))  # fmt: skip
    sections = [
        SectionFactory(consultation=consultation, position=number, heading_en=f"Chapter {number}")
        for number in range(1, size + 1)
    ]
    texts = []
    for section in [None, *sections]:
        name = section.heading_en if section else "the draft"
        for number in range(size):
            texts.append(f"Comment {number} on {name}.")
            CommentFactory(consultation=consultation, section=section, body=texts[-1])
            VoteFactory(consultation=consultation, section=section)
    Consultation.objects.filter(pk=consultation.pk).update(closes_at=now - timedelta(minutes=1))
    results_tasks.dossier_render(consultation_id=consultation.pk, language="en")
    return consultation, texts


def _download(client, consultation: Consultation, kind: str) -> bytes:
    response = client.get(f"/en/consultations/{consultation.slug_en}/results.{kind}")
    assert response.status_code == 200
    return b"".join(response.streaming_content)


@READERS
@SIZES
def test_results_files_are_served_in_a_fixed_query_budget(
    client, django_assert_num_queries, size, reader, queries
):
    consultation, texts = _closed_and_rendered(size)
    if reader == "citizen":
        client.force_login(CitizenFactory())

    with django_assert_num_queries(queries):
        table = _download(client, consultation, "csv")
    with django_assert_num_queries(queries):
        data = json.loads(_download(client, consultation, "json"))
    with django_assert_num_queries(queries):
        pdf = _download(client, consultation, "pdf")

    rows = list(csv.DictReader(io.StringIO(table.decode("utf-8-sig"))))
    assert sorted(row["text"] for row in rows if row["record"] == "comment") == sorted(texts)
    assert [row["votes"] for row in rows if row["record"] == "tally"] == [str(size)] * (size + 1)
    assert data["participation"]["comments"] == size * (size + 1)
    assert data["participation"]["votes"] == size * (size + 1)
    assert [len(target["comments"]) for target in data["sections"]] == [size] * (size + 1)
    printed = " ".join(pdf_text(pdf).split())
    assert "Draft open data charter" in printed
    assert [text for text in texts if text not in printed] == []

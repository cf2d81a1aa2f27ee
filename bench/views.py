"""The baseline: TechEmpower's "Fortunes" test as a minimal Django view.

One query (every row of a twelve-row table the harness made with raw SQL), one more fortune
added at request time, a sort by message, and a small template rendered with autoescaping; the
response goes through the project's whole middleware stack, like every page measured.
"""

from operator import itemgetter

from django.db import connection
from django.http import HttpRequest, HttpResponse
from django.template.loader import render_to_string
from django.views.decorators.http import require_safe

EXTRA_FORTUNE = (0, "Additional fortune added at request time.")


@require_safe
def fortunes(request: HttpRequest) -> HttpResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT id, message FROM bench_fortune")
        rows = cursor.fetchall()
    rows.append(EXTRA_FORTUNE)
    rows.sort(key=itemgetter(1))
    return HttpResponse(render_to_string("bench/fortunes.html", {"fortunes": rows}))

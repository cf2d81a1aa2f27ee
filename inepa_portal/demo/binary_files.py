"""Make the demo's binary files: illustrative banners (PNG) and a PDF version of an article."""

import io
from html import escape

from PIL import Image, ImageDraw, ImageFont

BANNER_SIZE = (1200, 630)
BANNER_BACKGROUND = (8, 59, 105)
BANNER_INK = (255, 255, 255)
FONT_CANDIDATES = ("DejaVuSans-Bold.ttf", "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    for candidate in FONT_CANDIDATES:
        try:
            return ImageFont.truetype(candidate, size)
        except OSError:
            continue
    return ImageFont.load_default(size=size)


def banner_png(motif: str) -> bytes:
    """A dark blue 1200×630 banner with `motif` in white, centred."""
    image = Image.new("RGB", BANNER_SIZE, BANNER_BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 40, BANNER_SIZE[0] - 40, BANNER_SIZE[1] - 40], outline=BANNER_INK, width=6)
    draw.text(
        (BANNER_SIZE[0] / 2, BANNER_SIZE[1] / 2),
        motif,
        fill=BANNER_INK,
        font=_font(72),
        anchor="mm",
    )
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    return buffer.getvalue()


def article_pdf(
    *,
    title: str,
    author: str,
    date: str,
    lead: str,
    body_html: str,
    language: str,
    references: list[str],
) -> bytes:
    """A small A4 PDF of an article, rendered by WeasyPrint from its sanitised HTML."""
    from weasyprint import HTML  # imported here: it is slow to import and only needed here

    items = "".join(f'<li id="ref-{n}">{escape(text)}</li>' for n, text in enumerate(references, 1))
    document = f"""<!doctype html>
<html lang="{escape(language)}"><head><meta charset="utf-8"><title>{escape(title)}</title>
<meta name="author" content="{escape(author)}">
<style>
  @page {{ size: A4; margin: 2cm;
          @bottom-center {{ content: counter(page) " / " counter(pages); }} }}
  body {{ font-family: "DejaVu Sans", sans-serif; font-size: 10.5pt; line-height: 1.5; }}
  h1 {{ font-size: 18pt; color: #083b69; }} h2 {{ font-size: 13pt; color: #083b69; }}
  .meta, .lead {{ color: #444; }}
</style></head>
<body><h1>{escape(title)}</h1><p class="meta">{escape(author)} · {escape(date)}</p>
<p class="lead">{escape(lead)}</p>{body_html}
<h2>References</h2><ol>{items}</ol>
<p class="meta">Zavod INePA, Inštitut za elektronsko participacijo</p></body></html>"""
    return HTML(string=document).write_pdf(pdf_variant="pdf/ua-1")

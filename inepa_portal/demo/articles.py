"""Build a demo article from its data file: the texts, references, banners and a PDF of it."""

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.formats import date_format

from articles import services
from articles.models import Article, ArticleAttachment, ArticleImage, ArticleReference
from inepa_portal import translation
from inepa_portal.slugs import transliterated_slug
from inepa_portal.translation import LANGUAGE_CODES

from . import translated
from .binary_files import article_pdf, banner_png


@transaction.atomic
def article_load(*, key: str, data: dict) -> bool:
    """Create and publish the article unless one has its slug; say whether it did."""
    texts = translated(data, "title", "lead", "body")
    slugs = {
        f"slug_{code}": transliterated_slug(texts[f"title_{code}"])
        for code in LANGUAGE_CODES
        if texts[f"title_{code}"]
    }
    if any(Article.objects.filter(**{field: slug}).exists() for field, slug in slugs.items()):
        return False
    article = Article(author_name=data["author"], **texts)
    services.article_save(article=article)
    services.article_publish(article=article, now=data["published_at"])
    references = data.get("references", [])
    for number, reference in enumerate(references, start=1):
        ArticleReference.objects.create(
            article=article, position=number, citation=reference["citation"],
            url=reference.get("url", ""),
        )  # fmt: skip
    for position, image in enumerate(data.get("images", [])):
        picture = ArticleImage(
            article=article,
            position=position,
            **{name: image[name] for name in ("alt_sl", "alt_en", "caption_sl", "caption_en")},
        )
        png = ContentFile(banner_png(image["motif"]))
        picture.image.save(f"{key}-{position + 1}.png", png, save=False)
        picture.full_clean()
        picture.save()
    if references:
        _attach_pdf(article, texts, references)
    return True


def _attach_pdf(article: Article, texts: dict, references: list[dict]) -> None:
    original = "en" if texts["title_en"] else "sl"
    pdf = article_pdf(
        title=texts[f"title_{original}"],
        author=article.author_name,
        date=date_format(article.published_at, "DATE_FORMAT"),
        lead=texts[f"lead_{original}"],
        body_html=getattr(article, f"body_html_{original}"),
        language=original,
        references=[reference["citation"] for reference in references],
    )
    attachment = ArticleAttachment(
        article=article,
        title_sl="Članek v obliki PDF (v angleščini)",
        title_en="The article as a PDF",
    )
    name = f"{translation.translated(article, 'slug', 'en')}.pdf"
    attachment.file.save(name, ContentFile(pdf), save=False)
    attachment.full_clean()
    attachment.save()

"""Load the portal's demo content; running it again changes nothing."""

import secrets
from datetime import datetime

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils.formats import date_format

from accounts import services as account_services
from accounts.models import User
from articles import services
from articles.demo import builders, unpsa_2013
from articles.models import Article, ArticleAttachment, ArticleImage, ArticleReference
from consultations.demo import load_demo_consultations
from inepa_portal.slugs import transliterated_slug
from inepa_portal.translation import LANGUAGE_CODES, translated

DEMO_STAFF_EMAIL = "urednik@inepa.example"
DEMO_STAFF_NAME = "Uredništvo INePA"


class Command(BaseCommand):
    help = "Load demo articles, consultations, citizens and a staff account (idempotent)."

    def handle(self, *args, **options) -> None:
        self._ensure_staff()
        created = [data["key"] for data in unpsa_2013.ARTICLES if self._ensure_article(data)]
        created += load_demo_consultations()
        if created:
            self.stdout.write(f"Demo content added: {', '.join(created)}.")
        else:
            self.stdout.write("Demo content already present; nothing changed.")

    def _ensure_staff(self) -> None:
        if User.objects.filter(email=DEMO_STAFF_EMAIL).exists():
            self.stdout.write(
                f"Demo staff account '{DEMO_STAFF_EMAIL}' exists "
                "(its password was printed when it was created)."
            )
            return
        password = secrets.token_urlsafe(12)
        account_services.staff_account_create(
            email=DEMO_STAFF_EMAIL, display_name=DEMO_STAFF_NAME, password=password
        )
        self.stdout.write(
            self.style.SUCCESS(
                "Demo staff login (shown only this once): "
                f"http://127.0.0.1:8000/admin/  email: {DEMO_STAFF_EMAIL}  password: {password}"
            )
        )

    @transaction.atomic
    def _ensure_article(self, data: dict) -> bool:
        slugs = {
            code: transliterated_slug(data[code]["title"])
            for code in LANGUAGE_CODES
            if data[code]["title"]
        }
        for code, slug in slugs.items():
            if Article.objects.filter(**{f"slug_{code}": slug}).exists():
                return False
        article = Article(author_name=data["author"])
        for code in LANGUAGE_CODES:
            for field in ("title", "lead", "body"):
                setattr(article, f"{field}_{code}", data[code][field])
        services.article_save(article=article)
        services.article_publish(article=article, now=datetime.fromisoformat(data["published_at"]))
        for number, reference in enumerate(data["references"], start=1):
            ArticleReference.objects.create(
                article=article, position=number, citation=reference["citation"],
                url=reference["url"],
            )  # fmt: skip
        for position, image in enumerate(data["images"]):
            picture = ArticleImage(
                article=article,
                position=position,
                **{key: image[key] for key in ("alt_sl", "alt_en", "caption_sl", "caption_en")},
            )
            picture.image.save(
                f"{data['key']}-{position + 1}.png",
                ContentFile(builders.banner_png(image["motif"])),
                save=False,
            )
            picture.full_clean()
            picture.save()
        if data["references"]:
            self._attach_pdf(article, data)
        return True

    def _attach_pdf(self, article: Article, data: dict) -> None:
        original = "en" if data["en"]["title"] else "sl"
        pdf = builders.article_pdf(
            title=data[original]["title"],
            author=data["author"],
            date=date_format(article.published_at, "DATE_FORMAT"),
            lead=data[original]["lead"],
            body_html=getattr(article, f"body_html_{original}"),
            language=original,
            references=[reference["citation"] for reference in data["references"]],
        )
        attachment = ArticleAttachment(
            article=article,
            title_sl="Članek v obliki PDF (v angleščini)",
            title_en="The article as a PDF",
        )
        attachment.file.save(
            f"{translated(article, 'slug', 'en')}.pdf", ContentFile(pdf), save=False
        )
        attachment.full_clean()
        attachment.save()

"""factory_boy factories that write through the services, as staff would."""

from datetime import timedelta

import factory
from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.models import User
from articles import services
from articles.models import Article, ArticleAttachment, ArticleImage, ArticleReference


class UserFactory(factory.django.DjangoModelFactory):
    """An account without a verified address (as `createsuperuser` or the admin makes one)."""

    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@example.org")
    display_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.django.Password("correct horse battery staple")


class EmailAddressFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = EmailAddress

    user = factory.SubFactory(UserFactory)
    email = factory.SelfAttribute("user.email")
    primary = True
    verified = True


class CitizenFactory(UserFactory):
    """An active account with a verified, primary address: someone who may take part."""

    email_address = factory.RelatedFactory(
        EmailAddressFactory, factory_related_name="user", email=factory.SelfAttribute("..email")
    )


class StaffFactory(CitizenFactory):
    """Staff with every permission and a verified address, as demo_content makes them."""

    is_staff = True
    is_superuser = True


class ArticleFactory(factory.django.DjangoModelFactory):
    """A published article in both languages unless told otherwise."""

    class Meta:
        model = Article

    title_sl = factory.Sequence(lambda n: f"Članek številka {n}")
    title_en = factory.Sequence(lambda n: f"Article number {n}")
    lead_sl = "Kratek povzetek."
    lead_en = "A short lead."
    body_sl = "Besedilo **članka**."
    body_en = "The **article** text."
    author_name = "Simon Delakorda"
    status = Article.Status.PUBLISHED
    published_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=1))

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.article_save(article=model_class(*args, **kwargs))


class ArticleImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleImage

    article = factory.SubFactory(ArticleFactory)
    image = factory.django.ImageField(width=120, height=60, color="blue", filename="cover.png")
    alt_sl = "Modra pasica"
    alt_en = "A blue banner"
    caption_sl = "Napis pod sliko"
    caption_en = "A caption"


class ArticleAttachmentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleAttachment

    article = factory.SubFactory(ArticleFactory)
    file = factory.django.FileField(filename="report.pdf", data=b"%PDF-1.4 test")
    title_sl = "Poročilo (PDF)"
    title_en = "Report (PDF)"


class ArticleReferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ArticleReference

    article = factory.SubFactory(ArticleFactory)
    position = factory.Sequence(lambda n: n + 1)
    citation = "United Nations. 2013. Overall Aide Memoire."

"""Consultations, sections, comments and votes, written through the services with rules."""

from datetime import timedelta

import factory
from django.utils import timezone

from consultations import services
from consultations.models import Comment, Consultation, Section, Vote
from tests.factories import CitizenFactory


class ConsultationFactory(factory.django.DjangoModelFactory):
    """A published consultation, open now, in both languages."""

    class Meta:
        model = Consultation

    title_sl = factory.Sequence(lambda n: f"Osnutek smernic {n}")
    title_en = factory.Sequence(lambda n: f"Draft guidelines {n}")
    summary_sl = "Povzetek osnutka."
    summary_en = "A summary of the draft."
    opens_at = factory.LazyFunction(lambda: timezone.now() - timedelta(days=5))
    closes_at = factory.LazyFunction(lambda: timezone.now() + timedelta(days=20))
    is_published = True

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.consultation_save(consultation=model_class(*args, **kwargs))


class SectionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Section

    consultation = factory.SubFactory(ConsultationFactory)
    position = factory.Sequence(lambda n: n)
    heading_sl = factory.Sequence(lambda n: f"Poglavje {n}")
    heading_en = factory.Sequence(lambda n: f"Chapter {n}")
    body_sl = "Besedilo **poglavja**."
    body_en = "The **chapter** text."

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.section_save(section=model_class(*args, **kwargs))


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    consultation = factory.SubFactory(ConsultationFactory)
    author = factory.SubFactory(CitizenFactory)
    body = factory.Sequence(lambda n: f"Comment number {n}.")
    language = "sl"

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        return services.comment_submit(**kwargs)


class VoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vote

    consultation = factory.SubFactory(ConsultationFactory)
    user = factory.SubFactory(CitizenFactory)
    choice = Vote.Choice.AGREE

    @classmethod
    def _create(cls, model_class, *args, **kwargs):
        """Cast through the service (which keeps the tallies), at a moment the consultation
        was open, so that closed consultations get their votes too."""
        consultation, section = kwargs["consultation"], kwargs.get("section")
        services.vote_cast(
            consultation=consultation,
            section=section,
            user=kwargs["user"],
            choice=kwargs["choice"],
            now=consultation.opens_at,
        )
        return model_class.objects.get(consultation=consultation, section=section,
                                       user=kwargs["user"])  # fmt: skip

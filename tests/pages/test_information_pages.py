"""The trust pages: a privacy notice, the participation and moderation rules and the contact
details, in both languages, written by staff, linked from every page and from sign-up."""

import re

import pytest
from allauth.account.models import EmailAddress
from django.utils import timezone
from pytest_django.asserts import assertContains, assertNotContains

from accounts.models import User
from inepa_portal import demo
from inepa_portal.demo.pages import pages_ensure
from pages.models import InformationPage
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db

PASSWORD = "a long and unusual passphrase"


@pytest.fixture
def demo_pages():
    assert pages_ensure(demo.read("pages")) == ["privacy", "rules", "contact"]


def _text(response) -> str:
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


@pytest.mark.parametrize(
    ("url", "heading", "says"),
    [
        ("/en/privacy/", "Privacy notice", [
            "What we keep when you create an account", "Why", "For how long",
            "download everything we keep about you", "delete your account",
        ]),
        ("/sl/privacy/", "Varstvo osebnih podatkov", [
            "Kaj hranimo, ko ustvarite račun", "Zakaj", "Kako dolgo",
            "prenesete vse podatke", "izbrišete račun",
        ]),
        ("/en/rules/", "Participation and moderation rules", [
            "What not to post", "hidden automatically", "ask once for a review",
        ]),
        ("/sl/rules/", "Pravila sodelovanja in moderiranja", [
            "Česa ne objavljajte", "samodejno skrije", "ponoven pregled",
        ]),
        ("/en/contact/", "Contact", ["info@inepa.example", "spam folder"]),
        ("/sl/contact/", "Kontakt", ["info@inepa.example", "neželeno pošto"]),
    ],
)  # fmt: skip
def test_each_page_says_what_it_is_for_in_the_language_of_its_address(
    client, demo_pages, url, heading, says
):
    response = client.get(url)

    assertContains(response, f"<h1>{heading}</h1>", html=True)
    text = _text(response)
    assert [phrase for phrase in says if phrase not in text] == []
    assertNotContains(response, "is not available in your language")


@pytest.mark.parametrize(
    ("language", "labels"),
    [
        ("en", ["Privacy notice", "Participation and moderation rules", "Contact"]),
        ("sl", ["Varstvo osebnih podatkov", "Pravila sodelovanja in moderiranja", "Kontakt"]),
    ],
)
def test_the_footer_of_every_page_links_the_three_pages(client, demo_pages, language, labels):
    for path in ("", "articles/", "consultations/", "about/", "accounts/login/", "privacy/"):
        footer = client.get(f"/{language}/{path}").content.decode().split('class="site-footer"')[1]
        for label, kind in zip(labels, ("privacy", "rules", "contact"), strict=True):
            assert f'<a href="/{language}/{kind}/">{label}</a>' in footer, (path, label)


def test_a_page_not_written_yet_is_not_found(client):
    assert client.get("/en/privacy/").status_code == 404


def test_a_page_written_in_one_language_is_shown_in_it_with_a_notice(client):
    InformationPage.objects.create(
        kind="contact", title_sl="Kontakt", body_html_sl="<p>Pišite.</p>"
    )

    response = client.get("/en/contact/")

    assertContains(response, '<h1 lang="sl">Kontakt</h1>', html=True)
    assertContains(response, "This page is not available in your language yet")


def test_staff_edit_both_languages_in_the_admin_and_the_markdown_is_rendered(client, demo_pages):
    client.force_login(StaffFactory())
    page = InformationPage.objects.get(kind="contact")
    form = client.get(f"/admin/pages/informationpage/{page.pk}/change/")
    assertContains(form, 'name="body_sl"')
    assertContains(form, 'name="body_en"')

    response = client.post(
        f"/admin/pages/informationpage/{page.pk}/change/",
        {
            "title_sl": "Pišite nam",
            "body_sl": "Naš naslov: **Trubarjeva 1**.",
            "title_en": "Write to us",
            "body_en": "Our address: **Trubarjeva 1**. <script>alert(1)</script>",
        },
    )

    assert response.status_code == 302
    english = client.get("/en/contact/")
    assertContains(english, "<h1>Write to us</h1>", html=True)
    assertContains(english, "<strong>Trubarjeva 1</strong>")
    assertNotContains(english, "<script>alert")
    assertContains(client.get("/sl/contact/"), "<h1>Pišite nam</h1>", html=True)


def test_the_demo_loader_adds_only_missing_pages_and_keeps_edited_ones(demo_pages):
    InformationPage.objects.filter(kind="rules").update(title_en="Our house rules")

    assert pages_ensure(demo.read("pages")) == []
    assert InformationPage.objects.get(kind="rules").title_en == "Our house rules"


def test_sign_up_links_the_rules_and_the_privacy_notice_and_says_what_the_email_is_for(
    client, demo_pages
):
    form = client.get("/en/accounts/signup/")

    assertContains(
        form,
        '<input type="checkbox" name="accept_rules" required id="id_accept_rules">',
        html=True,
    )
    label = re.search(r'<label for="id_accept_rules">(.*?)</label>', form.content.decode()).group(1)
    assert label == (
        'I accept the <a href="/en/rules/">participation and moderation rules</a> and have '
        'read the <a href="/en/privacy/">privacy notice</a>.'
    )
    assertContains(form, "it is never shown to others")
    assertContains(form, 'The <a href="/en/privacy/">privacy notice</a> says what we keep')


def test_sign_up_without_consent_is_refused_with_a_clear_error_and_keeps_what_was_typed(client):
    response = client.post(
        "/en/accounts/signup/",
        {"email": "ana@example.org", "display_name": "Ana N.",
         "password1": PASSWORD, "password2": PASSWORD},
    )  # fmt: skip

    assert response.status_code == 200
    assertContains(response, "To take part, please accept the participation and moderation rules.")
    assertContains(response, 'value="ana@example.org"')
    assert not User.objects.exists()


def test_sign_up_records_the_consent_with_its_time(client):
    before = timezone.now()

    client.post(
        "/sl/accounts/signup/",
        {"email": "ana@example.org", "display_name": "Ana N.",
         "password1": PASSWORD, "password2": PASSWORD, "accept_rules": "on"},
    )  # fmt: skip

    user = User.objects.get()
    assert before <= user.rules_accepted_at <= timezone.now()
    assert not EmailAddress.objects.get(user=user).verified


@pytest.mark.parametrize(
    ("language", "link"),
    [
        ("en", '<a href="/en/contact/">contact us</a>'),
        ("sl", '<a href="/sl/contact/">pišite</a>'),
    ],
)
def test_the_check_your_email_page_links_contact_us_to_the_contact_page(client, language, link):
    client.post(
        f"/{language}/accounts/signup/",
        {"email": "ana@example.org", "display_name": "Ana N.",
         "password1": PASSWORD, "password2": PASSWORD, "accept_rules": "on"},
    )  # fmt: skip

    response = client.get(f"/{language}/accounts/confirm-email/")

    assertContains(response, link, html=True)


def test_the_consent_time_is_in_the_persons_own_data_export(client):
    client.post(
        "/en/accounts/signup/",
        {"email": "ana@example.org", "display_name": "Ana N.",
         "password1": PASSWORD, "password2": PASSWORD, "accept_rules": "on"},
    )  # fmt: skip
    user = User.objects.get()
    client.force_login(user)

    data = client.get("/en/accounts/profile/my-data.json").json()

    assert data["account"]["rules_accepted_at"] == user.rules_accepted_at.isoformat()


def test_the_sitemap_lists_the_written_pages_in_both_languages(client, demo_pages):
    sitemap = client.get("/sitemap.xml").content.decode()

    for kind in ("privacy", "rules", "contact"):
        assert f"<loc>http://testserver/sl/{kind}/</loc>" in sitemap
        assert f"<loc>http://testserver/en/{kind}/</loc>" in sitemap

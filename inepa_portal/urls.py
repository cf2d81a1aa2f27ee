from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.urls import include, path, re_path
from django.views.decorators.http import require_safe

from accounts.views import admin_login_through_allauth
from articles.sitemaps import ArticleSitemap
from consultations.sitemaps import ConsultationSitemap
from pages.sitemaps import InformationPageSitemap

from . import views
from .sitemaps import PageSitemap

sitemaps = {
    "pages": PageSitemap,
    "articles": ArticleSitemap,
    "consultations": ConsultationSitemap,
    "information": InformationPageSitemap,
}

# Staff sign in through allauth too, so its rate limits guard the admin against password guessing.
admin.site.login = admin_login_through_allauth(admin.site.login)

urlpatterns = [
    path("healthz", views.healthz, name="healthz"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("admin/", admin.site.urls),
    path(
        "sitemap.xml", require_safe(sitemap_views.sitemap), {"sitemaps": sitemaps}, name="sitemap"
    ),
]

urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("about/", views.about, name="about"),
    path("", include("pages.urls")),
    path("articles/", include("articles.urls")),
    path("consultations/", include("consultations.urls")),
    path("consultations/", include("consultations.moderation.urls")),
    path("consultations/", include("consultations.results.urls")),
    path("accounts/", include("accounts.urls")),
    path("notifications/", include("notifications.urls")),
    path("accounts/", include("allauth.urls")),
    path("search/", include("search.urls")),
)

if settings.SERVE_MEDIA:
    urlpatterns += [
        re_path(
            r"^{}(?P<path>.*)$".format(settings.MEDIA_URL.lstrip("/")),
            views.media,
        )
    ]

handler400 = "inepa_portal.views.bad_request"
handler500 = "inepa_portal.views.server_error"

from django.urls import path
from django.views.decorators.http import require_safe

from . import feeds, views

app_name = "articles"

urlpatterns = [
    path("", views.article_list, name="list"),
    path("feed/", require_safe(feeds.ArticleFeed()), name="feed"),
    path("preview/<int:pk>/", views.article_preview, name="preview"),
    path("<slug:slug>/", views.article_detail, name="detail"),
    path(
        "<slug:slug>/attachments/<int:pk>/",
        views.attachment_download,
        name="attachment",
    ),
]

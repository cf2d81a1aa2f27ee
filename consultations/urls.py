from django.urls import path, re_path
from django.views.decorators.http import require_safe

from . import feeds, views

app_name = "consultations"

urlpatterns = [
    path("", views.consultation_list, name="list"),
    path("feed/", require_safe(feeds.ConsultationFeed()), name="feed"),
    path("<slug:slug>/", views.consultation_detail, name="detail"),
    re_path(
        r"^(?P<slug>[-a-zA-Z0-9_]+)/discussion/(?P<target>draft|[0-9]+)/$",
        views.discussion,
        name="discussion",
    ),
    path("<slug:slug>/comments/", views.comment_create, name="comment_create"),
    path("<slug:slug>/comments/<int:pk>/support/", views.support, name="support"),
    path("<slug:slug>/comments/<int:pk>/remove/", views.comment_remove, name="comment_remove"),
    path("<slug:slug>/comments/<int:pk>/edit/", views.comment_edit, name="comment_edit"),
    path("<slug:slug>/vote/", views.vote, name="vote"),
]

from django.urls import path

from . import views

app_name = "accounts"

urlpatterns = [
    path("profile/", views.profile, name="profile"),
    path("profile/name/", views.display_name, name="display_name"),
    path("profile/my-data.json", views.data_download, name="data"),
    path("profile/delete/", views.account_delete, name="delete"),
]

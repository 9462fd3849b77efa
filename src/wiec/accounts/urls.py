from django.urls import path

from wiec.accounts import views

app_name = "accounts"
urlpatterns = [
    path("dolacz/", views.join, name="join"),
    path("profil/", views.edit_profile, name="edit_profile"),
    path("moje-dane/", views.download_data, name="download_data"),
    path("usun-konto/", views.delete_account, name="delete_account"),
]

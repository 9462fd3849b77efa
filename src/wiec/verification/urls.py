from django.urls import path

from wiec.verification import views

app_name = "verification"
urlpatterns = [
    path("", views.verify, name="verify"),
    path("kod/", views.confirm_code, name="confirm_code"),
]

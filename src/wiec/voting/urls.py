from django.urls import path

from wiec.voting import views

app_name = "voting"
urlpatterns = [
    path("", views.check_receipt, name="check_receipt"),
]

from django.urls import path

from wiec.accounts import views_staff

app_name = "accounts_staff"
urlpatterns = [
    path("osoby/", views_staff.members, name="members"),
    path("osoby/<int:membership_id>/", views_staff.member, name="member"),
]

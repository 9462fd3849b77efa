from django.urls import path

from wiec.accounts import views_staff

app_name = "accounts_staff"
urlpatterns = [
    path("osoby/", views_staff.list_members, name="list_members"),
    path("osoby/<int:membership_id>/", views_staff.edit_member, name="edit_member"),
]

from django.urls import path

from wiec.verification import views_staff

app_name = "verification_staff"
urlpatterns = [
    path("", views_staff.show_overview, name="show_overview"),
    path("ustawienia/", views_staff.edit_settings, name="edit_settings"),
    path("rejestr/", views_staff.edit_register, name="edit_register"),
    path("rejestr/wyczysc/", views_staff.clear_register, name="clear_register"),
    path("osobiscie/", views_staff.verify_in_person, name="verify_in_person"),
    path(
        "<int:verification_id>/cofnij/", views_staff.revoke_verification, name="revoke_verification"
    ),
]

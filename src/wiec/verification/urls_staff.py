from django.urls import path

from wiec.verification import views_staff

app_name = "verification_staff"
urlpatterns = [
    path("", views_staff.overview, name="overview"),
    path("ustawienia/", views_staff.settings_view, name="settings"),
    path("rejestr/", views_staff.register, name="register"),
    path("rejestr/wyczysc/", views_staff.register_clear, name="register_clear"),
    path("osobiscie/", views_staff.in_person, name="in_person"),
    path("<int:verification_id>/cofnij/", views_staff.revoke, name="revoke"),
]

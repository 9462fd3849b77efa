from django.urls import path

from wiec.tenants import views

app_name = "tenants"
urlpatterns = [
    path("theme.css", views.show_theme, name="show_theme"),
    path(
        "deklaracja-dostepnosci/",
        views.show_accessibility_statement,
        name="show_accessibility_statement",
    ),
    path("polityka-prywatnosci/", views.show_privacy_policy, name="show_privacy_policy"),
    path("regulamin/", views.show_terms, name="show_terms"),
]

from django.urls import path

from wiec.tenants import views

app_name = "tenants"
urlpatterns = [
    path("theme.css", views.theme, name="theme"),
    path("deklaracja-dostepnosci/", views.accessibility, name="accessibility"),
    path("polityka-prywatnosci/", views.privacy, name="privacy"),
    path("regulamin/", views.terms, name="terms"),
]

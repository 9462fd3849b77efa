from django.urls import path

from wiec.backoffice import views, views_tenant

app_name = "backoffice"
urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("dziennik/", views.audit_log, name="audit"),
    path("ustawienia/", views_tenant.settings_view, name="settings"),
    path("strony-prawne/", views_tenant.legal, name="legal"),
    path("strony-prawne/deklaracja-dostepnosci/", views_tenant.accessibility, name="accessibility"),
    path("obszary/", views_tenant.districts, name="districts"),
    path("obszary/<int:district_id>/", views_tenant.district, name="district"),
    path("obszary/<int:district_id>/usun/", views_tenant.district_delete, name="district_delete"),
    path("kategorie/", views_tenant.categories, name="categories"),
    path("kategorie/nowa/", views_tenant.category_edit, name="category_new"),
    path("kategorie/<int:category_id>/", views_tenant.category_edit, name="category"),
    path("kategorie/<int:category_id>/usun/", views_tenant.category_delete, name="category_delete"),
]

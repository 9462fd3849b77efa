from django.urls import path

from wiec.backoffice import views, views_tenant

app_name = "backoffice"
urlpatterns = [
    path("", views.show_dashboard, name="show_dashboard"),
    path("dziennik/", views.show_audit_log, name="show_audit_log"),
    path("ustawienia/", views_tenant.edit_settings, name="edit_settings"),
    path("strony-prawne/", views_tenant.edit_legal_pages, name="edit_legal_pages"),
    path(
        "strony-prawne/deklaracja-dostepnosci/",
        views_tenant.edit_accessibility_statement,
        name="edit_accessibility_statement",
    ),
    path("obszary/", views_tenant.list_districts, name="list_districts"),
    path("obszary/<int:district_id>/", views_tenant.edit_district, name="edit_district"),
    path("obszary/<int:district_id>/usun/", views_tenant.delete_district, name="delete_district"),
    path("kategorie/", views_tenant.list_categories, name="list_categories"),
    path("kategorie/nowa/", views_tenant.edit_category, name="create_category"),
    path("kategorie/<int:category_id>/", views_tenant.edit_category, name="edit_category"),
    path("kategorie/<int:category_id>/usun/", views_tenant.delete_category, name="delete_category"),
]

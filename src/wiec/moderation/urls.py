from django.urls import path

from wiec.moderation import views

app_name = "moderation"
urlpatterns = [
    path("<slug:key>/<int:object_id>/", views.report_content, name="report_content"),
]

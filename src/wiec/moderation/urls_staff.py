from django.urls import path

from wiec.moderation import views_staff

app_name = "moderation_staff"
urlpatterns = [
    path("", views_staff.queue, name="queue"),
    path("blokady/", views_staff.blocks, name="blocks"),
    path("blokady/<int:block_id>/zdejmij/", views_staff.lift_block, name="lift_block"),
    path("<slug:key>/<int:object_id>/", views_staff.content, name="content"),
    path("<slug:key>/<int:object_id>/blokada/", views_staff.block_author, name="block_author"),
    path("<slug:key>/<int:object_id>/<slug:step>/", views_staff.decide, name="decide"),
]

from django.urls import path

from wiec.moderation import views_staff

app_name = "moderation_staff"
urlpatterns = [
    path("", views_staff.show_queue, name="show_queue"),
    path("blokady/", views_staff.list_blocks, name="list_blocks"),
    path("blokady/<int:block_id>/zdejmij/", views_staff.lift_block, name="lift_block"),
    path("<slug:key>/<int:object_id>/", views_staff.show_content, name="show_content"),
    path("<slug:key>/<int:object_id>/blokada/", views_staff.block_author, name="block_author"),
    path("<slug:key>/<int:object_id>/<slug:step>/", views_staff.decide, name="decide"),
]

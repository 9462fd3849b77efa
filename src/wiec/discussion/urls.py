from django.urls import path

from wiec.discussion import views

app_name = "discussion"
urlpatterns = [
    path("<int:thread_id>/komentarz/", views.post_comment, name="post_comment"),
    path("<int:thread_id>/obserwuj/", views.follow_thread, name="follow_thread"),
    path("komentarze/<int:comment_id>/edytuj/", views.edit_comment, name="edit_comment"),
    path("komentarze/<int:comment_id>/usun/", views.delete_comment, name="delete_comment"),
]

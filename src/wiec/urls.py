from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

urlpatterns = [
    path("", include("wiec.core.urls")),
    path("", include("wiec.tenants.urls")),
    path("konto/", include("wiec.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("panel/", include("wiec.backoffice.urls")),
    path("panel/", include("wiec.accounts.urls_staff")),
    path("pomysly/", include("wiec.ideas.urls")),
    path("panel/pomysly/", include("wiec.ideas.urls_staff")),
    path("dyskusja/", include("wiec.discussion.urls")),
    path("zglos/", include("wiec.moderation.urls")),
    path("panel/moderacja/", include("wiec.moderation.urls_staff")),
    path("powiadomienia/", include("wiec.notifications.urls")),
    path("panel/miejsca/", include("wiec.maps.urls_staff")),
    path("jezyk/", set_language, name="set_language"),
    path("admin/", admin.site.urls),
]

handler400 = "wiec.core.views.bad_request"
handler403 = "wiec.core.views.permission_denied"
handler404 = "wiec.core.views.page_not_found"
handler500 = "wiec.core.views.server_error"

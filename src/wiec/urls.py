from allauth.account.decorators import secure_admin_login
from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path

from wiec.accounts.views import choose_language
from wiec.core.views import serve_media

# The admin signs in through allauth: its rate limits and two-factor step apply to operators too.
admin.site.login = secure_admin_login(admin.site.login)  # type: ignore[method-assign]

urlpatterns = [
    path("", include("wiec.core.urls")),
    path("", include("wiec.tenants.urls")),
    path("konto/", include("wiec.accounts.urls")),
    path("konto/", include("allauth.urls")),
    path("panel/", include("wiec.backoffice.urls")),
    path("panel/", include("wiec.accounts.urls_staff")),
    path("weryfikacja/", include("wiec.verification.urls")),
    path("panel/weryfikacja/", include("wiec.verification.urls_staff")),
    path("potwierdzenie-glosu/", include("wiec.voting.urls")),
    path("sondy/", include("wiec.polls.urls")),
    path("panel/sondy/", include("wiec.polls.urls_staff")),
    path("pomysly/", include("wiec.ideas.urls")),
    path("panel/pomysly/", include("wiec.ideas.urls_staff")),
    path("dyskusja/", include("wiec.discussion.urls")),
    path("zglos/", include("wiec.moderation.urls")),
    path("panel/moderacja/", include("wiec.moderation.urls_staff")),
    path("powiadomienia/", include("wiec.notifications.urls")),
    path("panel/miejsca/", include("wiec.maps.urls_staff")),
    path("jezyk/", choose_language, name="choose_language"),
    path("admin/", admin.site.urls),
]
if settings.WIEC_SERVE_MEDIA:
    # The demo serves uploaded files itself; production serves MEDIA_ROOT from the proxy.
    urlpatterns.append(re_path(r"^media/(?P<path>.+)$", serve_media))

handler400 = "wiec.core.views.bad_request"
handler403 = "wiec.core.views.permission_denied"
handler404 = "wiec.core.views.page_not_found"
handler500 = "wiec.core.views.server_error"

"""After reporting a comment, the thank-you is beside the comment, where the person is."""

from __future__ import annotations

import re

import pytest
from django.test import Client

from tests.factories import member
from tests.ideas.factories import CommentFactory, IdeaFactory
from wiec.tenants.models import Tenant

pytestmark = pytest.mark.django_db

THANKS = "Dziękujemy. Moderatorzy wkrótce zajmą się zgłoszeniem."


def test_the_report_links_say_what_they_report(client: Client, tenant: Tenant) -> None:
    idea = IdeaFactory(tenant=tenant)
    CommentFactory(idea=idea)
    client.force_login(member(tenant))
    page = client.get(f"/pomysly/{idea.pk}/").content.decode()
    links = re.findall(r'<a href="/zglos/[^"]*">([^<]*)</a>', page)
    assert links == ["Zgłoś ten pomysł moderatorom", "Zgłoś ten komentarz moderatorom"]


def test_reporting_a_comment_jumps_back_to_it_with_the_thanks_beside_it(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant)
    comment = CommentFactory(idea=idea)
    client.force_login(member(tenant))
    response = client.post(f"/zglos/comment/{comment.pk}/", {"reason": "spam"})
    assert response["Location"] == f"/pomysly/{idea.pk}/#comment-{comment.pk}-reported"
    page = client.get(f"/pomysly/{idea.pk}/").content.decode()
    article = page[page.index(f'<article id="comment-{comment.pk}"') :]
    article = article[: article.index("</article>")]
    assert (
        f'<p class="message message--success" id="comment-{comment.pk}-reported" role="status" '
        f'tabindex="-1">{THANKS}</p>'
    ) in article
    assert page.count(THANKS) == 1  # not at the top of the page as well
    assert THANKS not in client.get(f"/pomysly/{idea.pk}/").content.decode()  # shown once


def test_reporting_an_idea_keeps_the_thanks_at_the_top_of_its_page(
    client: Client, tenant: Tenant
) -> None:
    idea = IdeaFactory(tenant=tenant)
    client.force_login(member(tenant))
    response = client.post(f"/zglos/idea/{idea.pk}/", {"reason": "spam"}, follow=True)
    page = response.content.decode()
    top = page[page.index('<div class="messages" role="status">') :]
    assert THANKS in top[: top.index("</div>")]

"""The results chart reads on a phone: its text is at least 14 px as shown (an SVG scaled to a
375 px screen shrank its 14 px labels to about 7), long answers wrap inside the screen."""

from __future__ import annotations

import os
from typing import Any

import pytest

from tests.e2e.a11y import assert_accessible

# Every piece of text the chart figures show, with its size as rendered on screen: an SVG's
# text is scaled by the SVG's own transform, so its CSS font size alone says nothing.
_TEXT_SIZES = """() => {
  const out = [];
  for (const figure of document.querySelectorAll('.chart-figure')) {
    const walker = document.createTreeWalker(figure, NodeFilter.SHOW_TEXT);
    while (walker.nextNode()) {
      const node = walker.currentNode;
      const el = node.parentElement;
      if (!node.textContent.trim() || el.closest('title, desc')) continue;
      const box = el.getBoundingClientRect();
      if (box.width <= 1 || box.height <= 1) continue;  // visually hidden
      let px = parseFloat(getComputedStyle(el).fontSize);
      if (el instanceof SVGGraphicsElement) px *= el.getScreenCTM().a;
      out.push({text: node.textContent.trim(), px: px, right: box.right});
    }
  }
  return out;
}"""


@pytest.mark.parametrize("width", [375, 1280])
def test_the_results_chart_reads_at_phone_and_desktop_widths(
    page: Any, demo: Any, site: Any, width: int
) -> None:
    from wiec.polls.models import Poll

    closed = next(
        poll
        for poll in Poll.objects.filter(tenant=demo.tenants["nadrzecze"]).select_related("box")
        if poll.box.closed_at is not None
    )
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(site(path=f"/sondy/{closed.pk}/wyniki/"))
    assert response.status == 200
    shots = os.environ.get("WIEC_SCREENSHOTS")
    if shots:
        page.screenshot(path=f"{shots}/results-{width}.png", full_page=True)
    texts = page.evaluate(_TEXT_SIZES)
    assert texts, "no chart text found"
    small = [(t["text"], round(t["px"], 1)) for t in texts if t["px"] < 14]
    assert small == []
    inner = page.evaluate("window.innerWidth")
    assert [t["text"] for t in texts if t["right"] > inner + 0.5] == []
    assert page.evaluate("document.documentElement.scrollWidth") <= inner
    assert_accessible(page)

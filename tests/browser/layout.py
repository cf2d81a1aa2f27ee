"""Checks of a page's layout in Chromium at a phone's and a laptop's width, with a screenshot
of each kept for a reviewer (issue #13): no sideways scrolling, targets of at least 24 × 24 px
(WCAG 2.2, 2.5.8), feedback inside the viewport.

Screenshots go to tests/browser/screenshots/ (git-ignored), or to $INEPA_SCREENSHOTS."""

import os
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SCREENSHOTS = Path(os.environ.get("INEPA_SCREENSHOTS") or ROOT / "tests/browser/screenshots")
PHONE = {"width": 375, "height": 812}
LAPTOP = {"width": 1366, "height": 768}
WIDTHS = (PHONE, LAPTOP)

# Everything a person can click, tap or type into, rendered and not hidden. A link inside a
# sentence is exempt (2.5.8's "inline" exception: its size is set by the line-height of the
# text around it); so is a target whose 24 px circle meets no other target (the "spacing"
# exception) — not used here: every standalone target is at least 24 px itself.
_MEASURE = """() => {
  const doc = document.documentElement;
  const selector = 'a[href], button, input:not([type=hidden]), select, textarea, summary, '
    + '[tabindex]:not([tabindex="-1"])';
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim()
       ? '.' + el.className.trim().split(/\\s+/).join('.') : '')
    + ' "' + (el.textContent || el.value || '').trim().slice(0, 40) + '"';
  const small = [];
  for (const el of document.querySelectorAll(selector)) {
    const style = getComputedStyle(el);
    if (style.visibility === 'hidden' || style.display === 'none') continue;
    const box = el.getBoundingClientRect();
    if (box.width === 0 && box.height === 0) continue;  // not rendered (a closed <details>)
    if (el.closest('.visually-hidden') || (el.matches('.skip-link') && box.bottom <= 0)) continue;
    if (box.width >= 23.5 && box.height >= 23.5) continue;
    if (el.tagName === 'A' && style.display === 'inline') {
      let block = el.parentElement;  // the block the link's line belongs to
      while (block.parentElement && getComputedStyle(block).display.startsWith('inline')) {
        block = block.parentElement;
      }
      const own = (el.textContent || '').trim().length;
      const around = (block.textContent || '').trim().length;
      if (around > own) continue;  // inside a sentence
    }
    small.push(describe(el) + ' ' + Math.round(box.width) + 'x' + Math.round(box.height));
  }
  const width = doc.clientWidth;
  const wide = [];
  for (const el of document.querySelectorAll('body *')) {
    const box = el.getBoundingClientRect();
    if (box.right > width + 1 && box.width > 0 && !el.closest('.visually-hidden, .skip-link')) {
      wide.push(describe(el) + ' right=' + Math.round(box.right));
      if (wide.length >= 5) break;
    }
  }
  return {overflow: doc.scrollWidth - doc.clientWidth, small, wide};
}"""


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    """Keep a screenshot (of the whole page, or of what the viewport shows) named for the page,
    state and width."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{_slug(name)}-{page.viewport_size['width']}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def check_fits(page, name: str) -> None:
    """At the page's current width: nothing scrolls sideways and every target is 24 × 24 px
    or more; then a screenshot."""
    measured = page.evaluate(_MEASURE)
    width = page.viewport_size["width"]
    where = f"{name} at {width} px ({page.url})"
    assert measured["overflow"] <= 0, f"{where} scrolls sideways: {measured['wide']}"
    assert measured["small"] == [], f"{where} has targets under 24 × 24 px: {measured['small']}"
    screenshot(page, name)


def in_viewport(locator) -> bool:
    """Whether the element is wholly inside the visible part of the page."""
    return locator.evaluate(
        """el => { const box = el.getBoundingClientRect();
                   return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight + 0.5
                          && box.right <= innerWidth + 0.5 && box.height > 0; }"""
    )

"""Debian's chromium, headless through Playwright, walks search → article → entity → conflicts against a real
``marsad serve`` and saves a screenshot of each page. Skipped when /usr/bin/chromium or playwright is missing
(scripts/ci_browser.sh installs chromium and the Arabic fonts)."""
from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason="no /usr/bin/chromium: run scripts/ci_browser.sh "
                                                            "(apt-get install chromium fonts-noto-core fonts-kacst)"),
]
playwright_sync = pytest.importorskip("playwright.sync_api", reason="the playwright package is not installed")


@pytest.fixture(scope="module")
def page(tmp_path_factory: pytest.TempPathFactory):
    profile = tmp_path_factory.mktemp("chromium-profile")
    with playwright_sync.sync_playwright() as pw:
        ctx = pw.chromium.launch_persistent_context(str(profile), executable_path=CHROMIUM, headless=True, args=ARGS,
                                                    viewport={"width": 1280, "height": 900}, locale="ar")
        ctx.set_default_timeout(20_000)
        pg = ctx.new_page()
        yield pg
        ctx.close()


@pytest.fixture(scope="module")
def shots(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("screenshots")
    keep = os.environ.get("MARSAD_SCREENSHOTS")
    yield out
    if keep:  # also copy them somewhere stable when asked
        shutil.copytree(out, keep, dirs_exist_ok=True)


def test_browser_flow_search_article_entity_conflicts(live_server: str, page, shots: Path) -> None:
    page.goto(live_server + "/")
    page.fill(".hero input[name=q]", "بيلاروسيا")
    page.press(".hero input[name=q]", "Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator("#r-articles li a").count() >= 2
    assert page.locator('#r-entities a[href="/entity/belarus"]').count() == 1
    page.screenshot(path=str(shots / "1-search.png"), full_page=True)

    page.locator("#r-articles li a").first.click()
    page.wait_for_url("**/article/*")
    text = page.locator(".article .text")
    assert text.evaluate("el => getComputedStyle(el).direction") == "rtl"
    assert page.locator(".side").evaluate("el => getComputedStyle(el).direction") == "ltr"
    assert page.evaluate("document.fonts.check(\"20px 'Noto Naskh Arabic'\", 'روسيا')")
    item = page.locator("ol.items li.item[data-target^='ev-']").first
    key = item.get_attribute("data-target")
    item.hover()
    assert page.locator(f".text .ev.hl[data-ev~='{key}']").count() >= 1
    item.locator(".gloss").click()  # not on an entity link inside the item
    assert page.locator(f".text .ev.on[data-ev~='{key}']").count() >= 1
    page.screenshot(path=str(shots / "2-article.png"), full_page=False)

    mention = page.locator(".text a.m-country").first
    target = mention.get_attribute("href")
    mention.click()
    page.wait_for_url("**" + target)
    assert page.locator("svg.network circle").count() >= 1
    assert page.locator("ul.variants [lang=ar]").first.evaluate("el => getComputedStyle(el).direction") == "rtl"
    page.screenshot(path=str(shots / "3-entity.png"), full_page=True)

    page.click("nav a[href='/conflicts']")
    page.wait_for_url("**/conflicts")
    assert page.locator("section.conflict").count() >= 1
    page.screenshot(path=str(shots / "4-conflicts.png"), full_page=True)
    for name in ("1-search", "2-article", "3-entity", "4-conflicts"):
        assert (shots / f"{name}.png").stat().st_size > 10_000
    print(f"screenshots in {shots}")


def test_browser_flow_upload_too_large(live_server: str, page, tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    big.write_text("قالت وزارة الدفاع الروسية إن قواتها انتشرت في سورية. " * 45_000, encoding="utf-8")  # ~ 4 MB
    page.goto(live_server + "/analyse")
    page.set_input_files("input[type=file]", str(big))
    page.click("form.analyse button[type=submit]")
    page.wait_for_load_state()
    assert "too large" in page.content() and "2 MB" in page.content()

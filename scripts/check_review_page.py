#!/usr/bin/env python3
"""Opens a dataset's review.html in headless Chromium and checks what a person sees.

Driven by Playwright on the system's Chromium (no browser of Playwright's own), offline:
the page must load from file:// with no other request, no script and no console error.
Checks the document list, then one bilingual document's view (reached by clicking its
title): the list hidden, the fields in both languages, English and French side by side on
each row, rows coloured by their confidence, flags and text left unaligned visible, a
duplicate's link leading to the pair kept (in its own document's view); the way back to
the list; and, when the dataset holds a
document with markup in its text, that the markup shows as text and runs nothing.

Usage: check_review_page.py DATASET [--document ID] [--hostile ID] [--flagged] [--screenshot PNG]
Prints what it checked as JSON; exits non-zero, saying why, when a check fails.
"""

import argparse
import json
import re
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote

from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# The colours of the confidence bands (style.css): green, amber, red.
BAND_COLOURS = {
    "high": "rgb(31, 157, 99)",
    "mid": "rgb(208, 138, 0)",
    "low": "rgb(212, 68, 59)",
}


def fail(message):
    print(f"check_review_page: {message}", file=sys.stderr)
    sys.exit(1)


def check(condition, message):
    if not condition:
        fail(message)


def band(percent):
    if percent >= 90:
        return "high"
    if percent >= 50:
        return "mid"
    return "low"


def bilingual_document(root, wanted=None):
    """The document `wanted`, else the first in id order, with aligned pairs and titles in
    both languages."""
    paths = [root / "documents" / f"{wanted}.json"] if wanted else sorted((root / "documents").glob("*.json"))
    for path in paths:
        doc = json.loads(path.read_text(encoding="utf-8"))
        titles = [doc["metadata"].get(lang, {}).get("title") for lang in ("en", "fr")]
        if all(titles) and any(s["segments"] for s in doc["sections"]):
            return doc
    fail(f"the dataset holds no bilingual document with aligned pairs{' named ' + wanted if wanted else ''}")


def check_list(page, documents):
    check(page.get_by_role("heading", name="Documents").is_visible(), "the list's heading is not visible")
    rows = page.locator("table.documents tbody tr")
    check(rows.count() == len(documents), f"the list shows {rows.count()} rows for {len(documents)} documents")
    shown = page.locator("table.documents").inner_text()
    for doc_id in documents:
        check(doc_id in shown, f"{doc_id} is not in the list")
    check(page.locator("article.doc:visible").count() == 0, "a document view shows over the list")


def check_document(page, doc, header_height):
    view = page.locator(f"article#doc-{doc['id']}")
    check(view.is_visible(), f"the view of {doc['id']} is not shown")
    check(not page.locator("section.home").is_visible(), "the list stays visible over a document")
    back = view.get_by_role("link", name="← All documents")
    check(back.is_visible(), "no way back to the list")
    check(back.bounding_box()["y"] >= header_height - 1, "the way back is hidden under the header")
    heading = view.locator("h2").inner_text()
    for lang in ("en", "fr"):
        title = doc["metadata"][lang]["title"]
        check(title in heading, f"the {lang} title {title!r} is not in the heading {heading!r}")
    fields = view.locator("table.fields")
    check(fields.is_visible(), "the fields are not shown")
    check("ENGLISH" in fields.inner_text().upper() and "FRENCH" in fields.inner_text().upper(), "fields not side by side")

    first = next(pair for s in doc["sections"] for pair in s["segments"])
    row = view.locator("div.row:not(.gap):not(.lonely)").first
    en, fr = row.locator("div.t").nth(0), row.locator("div.t").nth(1)
    check(en.inner_text() == first["en"], f"first English cell {en.inner_text()!r} != {first['en']!r}")
    check(fr.inner_text() == first["fr"], f"first French cell {fr.inner_text()!r} != {first['fr']!r}")
    en_box, fr_box = en.bounding_box(), fr.bounding_box()
    check(
        en_box["x"] + en_box["width"] <= fr_box["x"] and abs(en_box["y"] - fr_box["y"]) < 2,
        f"English and French are not side by side: {en_box} {fr_box}",
    )

    rows = view.locator("div.row:not(.gap):not(.lonely)")
    coloured = 0
    for k in range(rows.count()):
        row = rows.nth(k)
        percent = int(row.locator(".pct").inner_text().rstrip("%"))
        colour = row.evaluate("r => getComputedStyle(r).borderLeftColor")
        check(colour == BAND_COLOURS[band(percent)], f"a {percent}% row is coloured {colour}")
        coloured += 1
    return coloured


def check_anywhere(page, documents, flagged):
    """Flags (when a pair of the dataset has one), unaligned text and duplicates are shown in
    some document of the dataset."""
    seen = {"flag": False, "gap": False, "duplicate": False}
    for doc_id in documents:
        page.goto(f"{page.url.split('#')[0]}#doc-{doc_id}")
        view = page.locator(f"article#doc-{doc_id}")
        if view.locator(".badge.flag").count():
            check(view.locator(".badge.flag").first.is_visible(), f"{doc_id}: a flag is hidden")
            seen["flag"] = True
        if view.locator(".row.gap").count():
            gap = view.locator(".row.gap").first
            check(gap.is_visible() and "not aligned" in gap.inner_text(), f"{doc_id}: unaligned text hidden")
            seen["gap"] = True
        if view.locator(".row.duplicate").count() and not seen["duplicate"]:
            link = view.locator(".row.duplicate a").first
            target = unquote(link.get_attribute("href").removeprefix("#"))
            link.click()
            kept = page.locator(f"[id='{target}']")
            check(kept.is_visible() and kept.bounding_box()["y"] >= 0, f"a duplicate's link to {target} shows nothing")
            check("exported" in kept.inner_text() or "set aside" in kept.inner_text(), "the pair kept is not written")
            seen["duplicate"] = True
    check(seen["flag"] or not flagged, "a pair is flagged, and no document shows its flag")
    for what in ("gap", "duplicate"):
        check(seen[what], f"no document of the dataset shows a {what}")
    return seen


def check_hostile(page, hostile):
    page.goto(f"{page.url.split('#')[0]}#doc-{hostile}")
    text = page.locator(f"article#doc-{hostile}").inner_text()
    check("<script>" in text, "markup in a segment is not shown as text")
    check(page.evaluate("document.querySelectorAll('script').length") == 0, "the page holds a script element")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dataset", type=Path)
    parser.add_argument("--document", help="id of the bilingual document to read (default: the first)")
    parser.add_argument("--hostile", help="id of a document whose text holds <script>")
    parser.add_argument("--flagged", action="store_true", help="a document holds a flagged pair")
    parser.add_argument("--screenshot", type=Path, help="where to save the view of one document's pairs")
    args = parser.parse_args()
    root = args.dataset.resolve()
    documents = sorted(p.stem for p in (root / "documents").glob("*.json"))
    doc = bilingual_document(root, args.document)
    problems = []
    with sync_playwright() as playwright, tempfile.TemporaryDirectory() as profile:
        browser = playwright.chromium.launch_persistent_context(
            profile,
            executable_path=CHROMIUM,
            args=CHROMIUM_FLAGS,
            headless=True,
            viewport={"width": 1400, "height": 900},
        )
        page = browser.new_page()
        page.on("dialog", lambda dialog: problems.append(f"a dialog opened: {dialog.message}"))
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("request", lambda r: r.url.startswith("file://") or problems.append(f"request {r.url}"))
        page.goto((root / "review.html").as_uri())
        check_list(page, documents)
        header_height = page.locator("header.top").bounding_box()["height"]
        page.get_by_role("link", name=doc["metadata"]["en"]["title"]).first.click()
        check(page.url.endswith(f"#doc-{doc['id']}"), f"clicking the title led to {page.url}")
        coloured = check_document(page, doc, header_height)
        if args.screenshot:
            # The first doubtful row, else the first row, a third of the way down the view.
            view = f"article#doc-{doc['id']}"
            for kind in ("low", "mid", "gap", "high"):
                row = page.locator(f"{view} div.row.{kind}").first
                if row.count():
                    break
            row.evaluate("r => window.scrollTo(0, r.getBoundingClientRect().top + scrollY - innerHeight / 3)")
            page.screenshot(path=str(args.screenshot))
        page.get_by_role("link", name="← All documents").first.click()
        check(page.locator("section.home").is_visible(), "the way back does not show the list")
        flagged = args.flagged or any(
            json.loads(line)["flags"] for line in (root / "segments.jsonl").open(encoding="utf-8")
        )
        seen = check_anywhere(page, documents, flagged)
        if args.hostile:
            check_hostile(page, args.hostile)
        browser.close()
    for problem in problems:
        fail(problem)
    print(json.dumps({"documents": len(documents), "document": doc["id"], "rows_coloured": coloured, **seen}))


if __name__ == "__main__":
    main()

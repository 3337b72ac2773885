#!/usr/bin/env python3
"""Hostile PDFs for robustness testing: structures that loop, fan out or expand.

Each builder writes one small file (at most a few hundred KB: the content that expands does so
through Flate) that is quick to generate. `write_all(directory, small)` writes every class;
`small` shrinks the cases whose cost grows with a count (operators, states, content bytes) so
that a CI run stays fast, while keeping every class.

Usage: hostile_pdfs.py DIR [--small]
"""

import os
import sys
import zlib

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# The file writer is shared with the generator of the other hostile inputs, which imports this
# module in turn: its names are looked up when used, not at import.
import make_hostile_corpus as corpus  # noqa: E402

MEDIA_BOX = b"/MediaBox [0 0 612 792]"
# A font our drawer declines (no widths): pages drawn with it go to pdf-extract.
STANDARD_FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"
# A font our drawer draws (it has widths).
WIDTH_FONT = (
    b"<< /Type /Font /Subtype /TrueType /BaseFont /Helvetica /Encoding /WinAnsiEncoding "
    b"/FirstChar 32 /LastChar 126 /Widths [" + b"500 " * 95 + b"] >>"
)
TEXT = b"BT /F1 12 Tf 72 720 Td (Text before the hostile part.) Tj ET\n"


def flate(data):
    return corpus.stream(zlib.compress(data, 9), b"/Filter /FlateDecode")


def one_page(content, font=WIDTH_FONT, resources=b"", extra=()):
    """Catalog, pages, font, page, content, then `extra` objects (numbered from 6)."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        font,
        b"<< /Type /Page /Parent 2 0 R " + MEDIA_BOX + b" /Resources << /Font << /F1 3 0 R >> "
        + resources + b" >> /Contents 5 0 R >>",
        content,
        *extra,
    ]


def form(content, resources=b""):
    body = b"/Type /XObject /Subtype /Form /BBox [0 0 612 792] " + resources
    return corpus.stream(content, body)


def self_drawing_form(font):
    """Form 6 draws itself through its own resources."""
    return one_page(
        corpus.stream(TEXT + b"/Fm1 Do"),
        font,
        b"/XObject << /Fm1 6 0 R >>",
        [form(b"/Fm1 Do", b"/Resources << /XObject << /Fm1 6 0 R >> >>")],
    )


def mutual_forms(font):
    """Forms 6 and 7 draw each other."""
    return one_page(
        corpus.stream(TEXT + b"/A Do"),
        font,
        b"/XObject << /A 6 0 R >>",
        [
            form(b"/B Do", b"/Resources << /XObject << /B 7 0 R >> >>"),
            form(b"/A Do", b"/Resources << /XObject << /A 6 0 R >> >>"),
        ],
    )


def inherited_self_drawing_form(font):
    """A form without resources of its own draws the page's /Fm1: itself."""
    return one_page(corpus.stream(TEXT + b"/Fm1 Do"), font, b"/XObject << /Fm1 6 0 R >>", [form(b"/Fm1 Do")])


def fan_out(font, levels=11, times=30):
    """Forms nested `levels` deep, each drawing the next `times` times: times^levels draws."""
    first = 6
    forms = []
    for level in range(levels):
        this = first + level
        if level + 1 < levels:
            draws = b"/N Do\n" * times
            forms.append(form(draws, b"/Resources << /XObject << /N %d 0 R >> >>" % (this + 1)))
        else:
            forms.append(form(b"BT /F1 12 Tf 72 700 Td (leaf) Tj ET", b"/Resources << /Font << /F1 3 0 R >> >>"))
    return one_page(corpus.stream(TEXT + b"/N Do"), font, b"/XObject << /N %d 0 R >>" % first, forms)


def kids_self_loop():
    """The root lists itself among its kids, around the page."""
    objects = corpus.text_pdf(["A page whose tree lists itself."])
    objects[1] = b"<< /Type /Pages /Kids [5 0 R 2 0 R 5 0 R] /Count 1 >>"
    return objects


def parent_cycle():
    """The page has no resources and its ancestors loop (6 -> 7 -> 6)."""
    return [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        STANDARD_FONT,
        b"<< /Type /Page /Parent 6 0 R " + MEDIA_BOX + b" /Contents 5 0 R >>",
        corpus.stream(TEXT),
        b"<< /Type /Pages /Parent 7 0 R /Count 1 >>",
        b"<< /Type /Pages /Parent 6 0 R /Count 1 >>",
    ]


def cmap_font(cmap):
    """A Type0 font (object 3) whose ToUnicode (object 6) is `cmap`; descendant is object 7."""
    font = (
        b"<< /Type /Font /Subtype /Type0 /BaseFont /Hostile /Encoding /Identity-H "
        b"/DescendantFonts [7 0 R] /ToUnicode 6 0 R >>"
    )
    body = (
        b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
        b"/CMapName /Hostile def /CMapType 2 def\n" + cmap + b"\nendcmap CMapName currentdict "
        b"/CMap defineresource pop end end"
    )
    descendant = (
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /Hostile /CIDSystemInfo "
        b"<< /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 500 >>"
    )
    content = corpus.stream(b"BT /F1 12 Tf 72 720 Td <00410042> Tj ET")
    return one_page(content, font, b"", [corpus.stream(body), descendant])


def wide_bfrange():
    return cmap_font(b"1 beginbfrange <00000000> <FFFFFFFF> <0041> endbfrange")


def eight_byte_codes():
    return cmap_font(
        b"1 begincodespacerange <0000000000000000> <FFFFFFFFFFFFFFFF> endcodespacerange\n"
        b"1 beginbfrange <0000000000000000> <00000000FFFFFFFF> <0041> endbfrange"
    )


def many_text_operators(count):
    """One page of `count` text-showing operators (compressed)."""
    content = b"BT /F1 12 Tf 72 720 Td\n" + b"(word ) Tj\n" * count + b"ET"
    return one_page(flate(content))


def big_content(megabytes):
    """One page whose content inflates to `megabytes` MB of path operators."""
    chunk = b"1 2 m 3 4 l S\n" * 4096
    content = TEXT + chunk * (megabytes * 1024 * 1024 // len(chunk))
    return one_page(flate(content), STANDARD_FONT)


def unbalanced_saves(count, font):
    """`count` `q` without `Q`, then text."""
    return one_page(flate(b"q\n" * count + TEXT), font)


def bad_length():
    """A content stream whose /Length is far too short."""
    objects = corpus.text_pdf(["The stream length of this page is wrong but its text is whole."])
    objects[3] = objects[3].replace(b"<< /Length ", b"<< /Length 5 /Ignored ", 1)
    return objects


def damaged_flate():
    """Page 1's Flate data is cut in the middle; page 2 is intact."""
    objects = corpus.text_pdf(["Page one has damaged compressed data.", "Page two is intact."])
    data = zlib.compress(b"BT /F1 12 Tf 72 720 Td (Page one has damaged compressed data.) Tj ET" * 20)
    objects[3] = corpus.stream(data[: len(data) // 2] + b"\x00" * 16, b"/Filter /FlateDecode")
    return objects


def broken_page_then_intact():
    """Page 1's content object is missing; page 2 must still be read."""
    objects = corpus.text_pdf(["Page one is gone.", "Page two is after the broken page."])
    objects[3] = b"(not a stream)"
    return objects


def write_all(directory, small=False):
    """Writes every hostile PDF class into `directory`; `small` shrinks the costly counts."""
    scale = 10 if small else 1
    cases = {
        "form drawing itself (our drawer).pdf": self_drawing_form(WIDTH_FONT),
        "form drawing itself (pdf-extract).pdf": self_drawing_form(STANDARD_FONT),
        "forms drawing each other (our drawer).pdf": mutual_forms(WIDTH_FONT),
        "forms drawing each other (pdf-extract).pdf": mutual_forms(STANDARD_FONT),
        "form drawing itself through inherited resources.pdf": inherited_self_drawing_form(STANDARD_FONT),
        "forms fanning out (our drawer).pdf": fan_out(WIDTH_FONT),
        "forms fanning out (pdf-extract).pdf": fan_out(STANDARD_FONT, times=10),
        "page tree kids self loop.pdf": kids_self_loop(),
        "page tree parent cycle.pdf": parent_cycle(),
        "cmap bfrange over every 4-byte code.pdf": wide_bfrange(),
        "cmap 8-byte codes.pdf": eight_byte_codes(),
        "one million text operators.pdf": many_text_operators(1_000_000 // scale),
        "page content of 196 MB.pdf": big_content(196 // scale),
        "five million q without Q (our drawer).pdf": unbalanced_saves(5_000_000 // scale, WIDTH_FONT),
        "five million q without Q (pdf-extract).pdf": unbalanced_saves(5_000_000 // scale, STANDARD_FONT),
        "stream with a wrong length.pdf": bad_length(),
        "damaged flate data.pdf": damaged_flate(),
        "broken page then intact page.pdf": broken_page_then_intact(),
    }
    for name, objects in cases.items():
        corpus.write(directory, name, corpus.pdf_bytes(objects))


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "--small"]
    if len(args) != 1:
        sys.exit(__doc__)
    os.makedirs(args[0], exist_ok=True)
    write_all(args[0], small="--small" in sys.argv[1:])

#!/usr/bin/env python3
"""Writes a corpus of hostile inputs into DIR, for robustness testing of `bitextract extract`.

Usage: make_hostile_corpus.py DIR [--small]

--small shrinks the hostile PDFs whose cost grows with a count (see hostile_pdfs.py).

Every file is generated here (standard library only); nothing is downloaded. The generator
streams its large outputs, so it stays small in memory itself.
"""

import os
import random
import sys
import zlib

import hostile_pdfs

MIB = 1024 * 1024


def pdf_bytes(objects, root=1, broken_xref=False):
    """A PDF file of the given objects (list of bodies, numbered from 1) with a correct
    cross-reference table, or one whose offsets all point to the wrong place."""
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref_at = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        shifted = offset + 7 if broken_xref else offset
        out += b"%010d 00000 n \n" % shifted
    out += b"trailer\n<< /Size %d /Root %d 0 R >>\n" % (len(objects) + 1, root)
    out += b"startxref\n%d\n%%%%EOF\n" % (xref_at + (13 if broken_xref else 0))
    return bytes(out)


def stream(data, extra=b""):
    return b"<< /Length %d %s >>\nstream\n" % (len(data), extra) + data + b"\nendstream"


FONT = b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"


def text_pdf(page_texts):
    """A valid PDF with one page per text, Helvetica, one line per page."""
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>", b"", FONT]
    kids = []
    for text in page_texts:
        escaped = text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
        content = b"BT /F1 12 Tf 72 720 Td (" + escaped.encode("latin-1") + b") Tj ET"
        objects.append(stream(content))
        content_id = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
            b"/Resources << /Font << /F1 3 0 R >> >> /Contents %d 0 R >>" % content_id
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (
        b" ".join(b"%d 0 R" % k for k in kids),
        len(kids),
    )
    return objects


def write(directory, name, data):
    with open(os.path.join(directory, name), "wb") as f:
        f.write(data)


def zip_bomb(directory, name, gigabytes=4):
    """A page whose content stream inflates to `gigabytes` GiB of zeros.

    A full flush resets the compressor, so every chunk of zeros compresses to the same bytes:
    one chunk is compressed and its bytes repeated, then the zlib frame is closed by hand.
    """
    chunk_size = 16 * MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * chunk_size) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = gigabytes * 1024 * MIB // chunk_size
    total = count * chunk_size
    # Adler-32 of `total` zero bytes: the sum stays 1, the running sum grows by 1 per byte.
    adler = ((total % 65521) << 16) | 1
    final_empty_block = b"\x03\x00"
    compressed = b"\x78\xda" + block * count + final_empty_block + adler.to_bytes(4, "big")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [4 0 R] /Count 1 >>",
        FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 3 0 R >> >> /Contents 5 0 R >>",
        stream(compressed, b"/Filter /FlateDecode"),
    ]
    write(directory, name, pdf_bytes(objects))


def deep_nesting(directory, name, depth=300_000):
    objects = text_pdf(["Deeply nested array follows."])
    objects.append(b"[" * depth + b"]" * depth)
    objects.append(b"<< /A " * depth + b">>" * depth)
    write(directory, name, pdf_bytes(objects))


def looping_page_tree(directory, name):
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        # The intermediate node lists its own parent as a kid, and itself.
        b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
        b"<< /Type /Pages /Parent 2 0 R /Kids [2 0 R 3 0 R] /Count 1 >>",
        FONT,
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] "
        b"/Resources << /Font << /F1 4 0 R >> >> /Contents 6 0 R >>",
        stream(b"BT /F1 12 Tf 72 720 Td (A page in a looping tree.) Tj ET"),
    ]
    write(directory, name, pdf_bytes(objects))


def many_pages(directory, name, pages=650):
    texts = [
        "Page %d. The candidate will draft reports on defence planning and budgets." % n
        for n in range(1, pages + 1)
    ]
    write(directory, name, pdf_bytes(text_pdf(texts)))


SENTENCE_EN = "The successful applicant will support the planning of defence capabilities. "
SENTENCE_FR = "La personne retenue appuiera la planification des capacités de défense. "


def big_text(directory, name, megabytes=40):
    with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
        written = 0
        section = 0
        while written < megabytes * MIB:
            section += 1
            block = "%d. SECTION %d\n\n%s\n\n" % (section, section, SENTENCE_EN * 20)
            block += "%d. SECTION %d\n\n%s\n\n" % (section, section, SENTENCE_FR * 20)
            f.write(block)
            written += len(block.encode("utf-8"))


def long_line(directory, name, megabytes=10):
    words = ["defence", "planning", "budget", "capability", "officer", "division"]
    rng = random.Random(7)
    with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
        written = 0
        while written < megabytes * MIB:
            piece = " ".join(rng.choice(words) for _ in range(1000)) + " "
            f.write(piece)
            written += len(piece)
        f.write("\n")


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    directory = sys.argv[1]
    os.makedirs(directory, exist_ok=True)
    rng = random.Random(42)

    zip_bomb(directory, "flate bomb.pdf")
    deep_nesting(directory, "deep nesting.pdf")
    looping_page_tree(directory, "looping page tree.pdf")
    hostile_pdfs.write_all(directory, small="--small" in sys.argv[2:])
    write(
        directory,
        "wrong xref offsets.pdf",
        pdf_bytes(text_pdf(["Offsets in the table are wrong."]), broken_xref=True),
    )
    many_pages(directory, "six hundred pages.pdf")
    write(directory, "random bytes.pdf", bytes(rng.getrandbits(8) for _ in range(200_000)))
    write(directory, "random bytes.txt", bytes(rng.getrandbits(8) for _ in range(200_000)))
    write(
        directory,
        "nul bytes.txt",
        (SENTENCE_EN * 5).encode() + b"\0" * 10_000 + (SENTENCE_FR * 5).encode(),
    )
    write(
        directory,
        "invalid utf-8.txt",
        (SENTENCE_EN * 50).encode() + b"\xff\xfe\xc3\x28\xa0\xa1" + (SENTENCE_FR * 50).encode(),
    )
    big_text(directory, "forty megabytes.txt")
    long_line(directory, "one line no punctuation.txt")
    headings = "".join("%d. HEADING NUMBER %d\n\n" % (n, n) for n in range(1, 5000))
    write(directory, "headings only.txt", headings.encode())
    write(
        directory,
        "Avis de vacance é à ç – numéro 1.txt",
        ("1. RÉSUMÉ\n\n" + SENTENCE_FR * 3 + "\n\n1. SUMMARY\n\n" + SENTENCE_EN * 3).encode(),
    )


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Writes a corpus of hostile inputs into DIR, for robustness testing of `bitextract extract`.

Usage: make_hostile_corpus.py [--small] DIR

Every class of hostile input is written: crafted and damaged PDFs (an inflation bomb, deep
nesting, a looping page tree, wrong cross-reference offsets, many pages, a stray operand that
makes a parser panic, random bytes),
hostile texts (random bytes, NULs, invalid UTF-8, a big file, a 10 MB line, headings only),
odd names (245 bytes long, twins differing only in bytes that are not UTF-8, accents), a
directory chain deeper than PATH_MAX, symbolic links (to a file, to a directory, outside the
corpus, dangling, looping), a named pipe, a socket, a device (when the system lets us make
one) and a directory nobody may list.

--small writes every class at a size a debug build goes through in seconds (the end-to-end
suite of `make test`); without it the giant cases are written (`make test-hostile`).

Each class is a function (directory, small) in CLASSES. Every file is generated here
(standard library only); nothing is downloaded. The generator streams its large outputs, so
it stays small in memory itself.
"""

import os
import random
import socket
import stat
import sys
import zlib

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
    """Writes `data` to `name` (a str, or bytes for names that are not UTF-8) in `directory`."""
    path = os.path.join(os.fsencode(directory), os.fsencode(name))
    with open(path, "wb") as f:
        f.write(data)


def zip_bomb(directory, name, mebibytes):
    """A page whose content stream inflates to `mebibytes` MiB of zeros.

    A full flush resets the compressor, so every chunk of zeros compresses to the same bytes:
    one chunk is compressed and its bytes repeated, then the zlib frame is closed by hand.
    """
    chunk_size = 16 * MIB
    compressor = zlib.compressobj(9, zlib.DEFLATED, -15)
    block = compressor.compress(b"\0" * chunk_size) + compressor.flush(zlib.Z_FULL_FLUSH)
    count = mebibytes * MIB // chunk_size
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


def deep_nesting(directory, name, depth):
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


def many_pages(directory, name, pages):
    texts = [
        "Page %d. The candidate will draft reports on defence planning and budgets." % n
        for n in range(1, pages + 1)
    ]
    write(directory, name, pdf_bytes(text_pdf(texts)))


SENTENCE_EN = "The successful applicant will support the planning of defence capabilities. "
SENTENCE_FR = "La personne retenue appuiera la planification des capacités de défense. "


def big_text(directory, name, kibibytes):
    with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
        written = 0
        section = 0
        while written < kibibytes * 1024:
            section += 1
            block = "%d. SECTION %d\n\n%s\n\n" % (section, section, SENTENCE_EN * 20)
            block += "%d. SECTION %d\n\n%s\n\n" % (section, section, SENTENCE_FR * 20)
            f.write(block)
            written += len(block.encode("utf-8"))


def long_line(directory, name, kibibytes):
    words = ["defence", "planning", "budget", "capability", "officer", "division"]
    rng = random.Random(7)
    with open(os.path.join(directory, name), "w", encoding="utf-8") as f:
        written = 0
        while written < kibibytes * 1024:
            piece = " ".join(rng.choice(words) for _ in range(1000)) + " "
            f.write(piece)
            written += len(piece)
        f.write("\n")


def crafted_pdfs(directory, small):
    rng = random.Random(42)
    # The small bomb still inflates past the limit the small suite runs with (16 MB).
    zip_bomb(directory, "flate bomb.pdf", mebibytes=64 if small else 4096)
    deep_nesting(directory, "deep nesting.pdf", depth=2_000 if small else 300_000)
    looping_page_tree(directory, "looping page tree.pdf")
    write(
        directory,
        "wrong xref offsets.pdf",
        pdf_bytes(text_pdf(["Offsets in the table are wrong."]), broken_xref=True),
    )
    many_pages(directory, "many pages.pdf", pages=20 if small else 650)
    # A text-showing operator with a number for operand: a parser that panics on it must
    # cost that page, quietly.
    objects = text_pdf(["A stray operand follows."])
    objects[3] = stream(b"BT /F1 12 Tf 72 720 Td (A stray operand follows.) Tj 42 Tj ET")
    write(directory, "stray operand.pdf", pdf_bytes(objects))
    size = 20_000 if small else 200_000
    write(directory, "random bytes.pdf", bytes(rng.getrandbits(8) for _ in range(size)))


def hostile_texts(directory, small):
    rng = random.Random(43)
    size = 20_000 if small else 200_000
    write(directory, "random bytes.txt", bytes(rng.getrandbits(8) for _ in range(size)))
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
    big_text(directory, "big text.txt", kibibytes=256 if small else 40 * 1024)
    long_line(directory, "one line no punctuation.txt", kibibytes=64 if small else 10 * 1024)
    headings = "".join("%d. HEADING NUMBER %d\n\n" % (n, n) for n in range(1, 300 if small else 5000))
    write(directory, "headings only.txt", headings.encode())


NOTICE = ("1. RÉSUMÉ\n\n" + SENTENCE_FR * 3 + "\n\n1. SUMMARY\n\n" + SENTENCE_EN * 3).encode()

# The longest name most file systems allow is 255 bytes; the document file named after it
# needs room for its own suffixes.
LONG_NAME_BYTES = 245


def odd_names(directory, small):
    write(directory, "Avis de vacance é à ç – numéro 1.txt", NOTICE)
    for ending in ("a", "b"):
        # Two long names differing only past the point where an id is cut.
        stem = "Avis de vacance très long " + "x" * LONG_NAME_BYTES
        name = stem.encode()[: LONG_NAME_BYTES - len(".txt") - 1] + ending.encode() + b".txt"
        write(directory, name, NOTICE)
    # Same name once decoded with replacement characters; each holds a text of its own.
    write(directory, b"twin \xff.txt", (SENTENCE_EN * 3).encode())
    write(directory, b"twin \xfe.txt", (SENTENCE_EN * 4).encode())


def deep_directory(directory, small):
    """A chain of directories whose path grows past PATH_MAX (4096 bytes on Linux), with a
    text at its top and one at its bottom. Built relative to open directories, since the
    deep paths cannot be named whole."""
    component = "d" * 200
    levels = 4096 // (len(component) + 1) + 2
    fd = os.open(directory, os.O_RDONLY)
    try:
        for level in range(levels):
            os.mkdir(component, dir_fd=fd)
            child = os.open(component, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = child
            if level == 0 or level == levels - 1:
                out = os.open("notice.txt", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd)
                os.write(out, NOTICE)
                os.close(out)
    finally:
        os.close(fd)


def links_and_special_files(directory, small):
    os.makedirs(os.path.join(directory, "linked"), exist_ok=True)
    write(os.path.join(directory, "linked"), "target.txt", NOTICE)
    for name, target in [
        ("link to a file.txt", "linked/target.txt"),
        ("link to a directory", "linked"),
        ("link outside.txt", "/etc/hostname"),
        ("link to the root", "/"),
        ("dangling link.txt", "nowhere.txt"),
        ("link loop a.txt", "link loop b.txt"),
        ("link loop b.txt", "link loop a.txt"),
        ("linked/link to its parent", ".."),
    ]:
        os.symlink(target, os.path.join(directory, name))
    # Opening a named pipe for reading blocks until a writer comes: none will.
    os.mkfifo(os.path.join(directory, "named pipe.txt"))
    # A socket's path must be short: it is bound from inside the directory.
    cwd = os.getcwd()
    os.chdir(directory)
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.bind("socket.txt")
    finally:
        os.chdir(cwd)
    try:
        # /dev/null's numbers: harmless if opened. Making a device needs privileges.
        os.mknod(os.path.join(directory, "device.txt"), 0o600 | stat.S_IFCHR, os.makedev(1, 3))
    except PermissionError:
        print("no device written: making one needs privileges", file=sys.stderr)


def unreadable_directory(directory, small):
    """A directory nobody but root may list (root reads it all the same)."""
    path = os.path.join(directory, "unreadable")
    os.makedirs(path, exist_ok=True)
    write(path, "hidden.txt", NOTICE)
    os.chmod(path, 0)


CLASSES = [
    crafted_pdfs,
    hostile_texts,
    odd_names,
    deep_directory,
    links_and_special_files,
    unreadable_directory,
]


def main():
    args = sys.argv[1:]
    small = "--small" in args
    paths = [a for a in args if a != "--small"]
    if len(paths) != 1:
        sys.exit(__doc__)
    directory = paths[0]
    os.makedirs(directory, exist_ok=True)
    for make in CLASSES:
        make(directory, small)


if __name__ == "__main__":
    main()

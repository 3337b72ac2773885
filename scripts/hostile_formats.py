#!/usr/bin/env python3
"""Write hostile HTML, Markdown and DOCX inputs into a directory.

    scripts/hostile_formats.py DIR

Each file is built to exhaust a reader: a 200 MB page, 100,000 nested <div>, a DOCX whose
document.xml inflates to 1 GiB, a DOCX whose XML nests 100,000 deep, a page that declares
UTF-8 but is not, an encrypted-looking DOCX (an OLE compound file), Markdown nested 100,000
deep. `bitextract extract DIR -o OUT` must end with every file a document with a status,
in bounded time and memory (see docs/performance.md). Standard library only; files are
written in chunks, so the generator itself stays small in memory.
"""
import sys
import zipfile
from pathlib import Path

MB = 1024 * 1024
W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


def big_page(path, size=200 * MB):
    para = "<p>The incumbent drafts briefing notes and analyses programme data.</p>\n" * 100
    with open(path, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><head><meta charset='utf-8'></head><body><main>\n")
        written = 0
        while written < size:
            f.write(para)
            written += len(para)
        f.write("</main></body></html>\n")


def nested_divs(path, depth=100_000):
    with open(path, "w", encoding="utf-8") as f:
        f.write("<!DOCTYPE html><html><body>")
        f.write("<div>" * depth)
        f.write("<p>Text at the bottom of the nest.</p>")
        f.write("</div>" * depth)
        f.write("</body></html>")


def bad_utf8_page(path):
    body = ("<p>Le titulaire r\xe9dige des notes \xe0 la direction.</p>\n" * 200).encode("latin-1")
    with open(path, "wb") as f:
        f.write(b'<!DOCTYPE html><html lang="fr"><head><meta charset="utf-8"></head><body><main>')
        f.write(b"<h2>Fonctions</h2>" + body + b"\xff\xfe\xc3(\xe2\x82")
        f.write(b"</main></body></html>")


def docx_bomb(path, inflated=1024 * MB):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as z:
        with z.open("word/document.xml", "w", force_zip64=True) as f:
            f.write(f'<w:document xmlns:w="{W_NS}"><w:body><w:p><w:r><w:t>'.encode())
            chunk = b" " * MB
            for _ in range(inflated // MB):
                f.write(chunk)
            f.write(b"</w:t></w:r></w:p></w:body></w:document>")


def docx_deep(path, depth=100_000):
    xml = (f'<w:document xmlns:w="{W_NS}"><w:body>' + "<w:sdt><w:sdtContent>" * depth
           + "<w:p><w:r><w:t>deep</w:t></w:r></w:p>" + "</w:sdtContent></w:sdt>" * depth
           + "</w:body></w:document>")
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", xml)


def docx_encrypted(path):
    # The OLE compound file signature, then filler: what Word writes for a protected file.
    Path(path).write_bytes(bytes.fromhex("D0CF11E0A1B11AE1") + b"\0" * 4096)


def markdown_deep(path, depth=100_000):
    with open(path, "w", encoding="utf-8") as f:
        f.write("# Deep\n\n")
        f.write(">" * depth + " quoted text\n\n")
        for i in range(2_000):
            f.write("  " * i + "- item\n")
        f.write("[" * depth + "link" + "]" * depth + "\n")


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    out = Path(sys.argv[1])
    out.mkdir(parents=True, exist_ok=True)
    big_page(out / "page-200mb.html")
    nested_divs(out / "nested-100k-div.html")
    bad_utf8_page(out / "declared-utf8-invalid.html")
    docx_bomb(out / "bomb-1gib.docx")
    docx_deep(out / "nested-100k.docx")
    docx_encrypted(out / "encrypted.docx")
    markdown_deep(out / "nested-100k.md")
    for p in sorted(out.iterdir()):
        print(f"{p.stat().st_size:>12}  {p}")


if __name__ == "__main__":
    main()

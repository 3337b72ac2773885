"""The package's calls: one input, a pair, two lists, a corpus, and the two ends of a run."""

from __future__ import annotations

import json
import threading
import time
from pathlib import Path

import pytest

import bitextract
from conftest import dataset_files

EN_NOTICE = """Officer, Defence Policy - 251836

1. SUMMARY

The Division has the lead role on the defence-related aspects of the security tasks of the
Alliance, and the post holder drafts its policy papers.

2. CONTRACT

The successful applicant will be offered a contract of three years.
"""

FR_NOTICE = """Administrateur, Politique de défense - 251836

1. RÉSUMÉ

La Division est responsable au premier chef des aspects défense des missions de sécurité de
l'Alliance, et la personne titulaire rédige ses notes de politique.

2. CONTRAT

La personne retenue se verra offrir un contrat de trois ans.
"""


def test_every_input_processed_from_bytes_is_its_document_in_a_run(corpus, tmp_path):
    summary = bitextract.extract(corpus, tmp_path / "out")
    found = bitextract.discover(corpus)
    assert len(found) == summary["counts"]["inputs"] == 13
    for item in found.inputs:
        written = tmp_path / "out" / "documents" / f"{item['id']}.json"
        doc = bitextract.process(Path(item["file"]).read_bytes(), name=item["path"], id=item["id"])
        assert doc == json.loads(written.read_text()), item["path"]


def test_a_pdf_from_bytes_and_from_its_path_give_one_document(corpus):
    pdf = corpus / "pdf" / "001_ca6471f58fe47377.pdf"
    from_bytes = bitextract.process(pdf.read_bytes(), name="notice.pdf")
    from_path = bitextract.process(pdf, name="notice.pdf")
    assert from_bytes == from_path
    assert from_bytes["id"] == "notice"
    assert from_bytes["status"] == "ok"
    assert from_bytes["kind"] == "bilingual"
    assert from_bytes["sources"][0]["format"] == "pdf"
    assert any(section["segments"] for section in from_bytes["sections"])
    # Without a name: the path as given, or "document" and the format from the bytes.
    assert bitextract.process(str(pdf))["sources"][0]["path"] == str(pdf)
    unnamed = bitextract.process(pdf.read_bytes())
    assert (unnamed["id"], unnamed["sources"][0]["format"]) == ("document", "pdf")


@pytest.mark.parametrize(
    ("data", "name", "limits", "code"),
    [
        (b"", "empty.pdf", {}, "empty"),
        (b"<html><body>not a pdf</body></html>", "x.pdf", {}, "not-a-pdf"),
        (b"%PDF-1.7\n1 0 obj <<", "cut.pdf", {}, "corrupt-pdf"),
        (b"PK\x03\x04 not really a zip", "x.docx", {}, "corrupt-docx"),
        (EN_NOTICE.encode(), "notice.txt", {"max_text_mb": 0}, "limit-exceeded"),
        ("/nonexistent/notice.pdf", None, {}, "io-error"),
    ],
)
def test_bad_input_is_a_failed_document_never_an_exception(data, name, limits, code):
    doc = bitextract.process(data, name, **limits)
    assert doc["status"] == "failed"
    assert [e["code"] for e in doc["errors"]] == [code]


def test_an_unknown_limit_is_a_type_error():
    with pytest.raises(TypeError, match="max_pagez"):
        bitextract.process(b"text", "a.txt", max_pagez=3)


def test_the_two_language_files_of_a_notice_join_into_one_bilingual_document(tmp_path):
    en, fr = tmp_path / "notice_en.txt", tmp_path / "notice_fr.txt"
    en.write_text(EN_NOTICE)
    fr.write_text(FR_NOTICE)
    doc = bitextract.process_pair(en, fr, en_name="notice_en.txt", fr_name="notice_fr.txt")
    assert doc["id"] == "notice-en--fr"
    assert doc["kind"] == "bilingual"
    assert [s["path"] for s in doc["sources"]] == ["notice_en.txt", "notice_fr.txt"]
    numbered = [s for s in doc["sections"] if s.get("number") is not None]
    assert [(s["en"]["heading"], s["fr"]["heading"]) for s in numbered] == [
        ("SUMMARY", "RÉSUMÉ"),
        ("CONTRACT", "CONTRAT"),
    ]


def test_two_lists_align_with_the_indices_of_their_items():
    en = [
        "The incumbent reports to the Head of Section.",
        "Applications must be submitted by 4 January 2026.",
        "The post is based in Brussels, Belgium.",
    ]
    fr = [
        "La personne titulaire relève du chef de section.",
        "Les candidatures doivent être soumises au plus tard le 4 janvier 2026.",
        "Le poste est basé à Bruxelles, en Belgique.",
    ]
    links = bitextract.align(en, fr, presplit=True)
    assert [(l["en_lines"], l["fr_lines"]) for l in links] == [([0], [0]), ([1], [1]), ([2], [2])]
    assert links[1]["fr"] == fr[1]
    assert all(0.0 <= l["confidence"] <= 1.0 for l in links)
    assert bitextract.align(en, fr, min_confidence=1.0) == []


def test_a_run_that_cannot_happen_raises_run_error(tmp_path):
    with pytest.raises(bitextract.RunError, match="does not exist"):
        bitextract.extract(tmp_path / "missing", tmp_path / "out")
    with pytest.raises(ValueError, match="unknown format"):
        bitextract.extract(tmp_path, tmp_path / "out", formats=["xlsx"])
    with pytest.raises(ValueError, match="I/N"):
        bitextract.discover(tmp_path, shard="3/2")


def test_documents_written_in_any_order_or_as_json_make_the_dataset_of_one_run(corpus, tmp_path):
    bitextract.extract(corpus, tmp_path / "run", formats=["jsonl", "tmx"])
    found = bitextract.discover(corpus)
    docs = [bitextract.process(i["file"], name=i["path"], id=i["id"]) for i in found.inputs]
    given = [json.dumps(doc) if k % 2 else doc for k, doc in enumerate(reversed(docs))]
    summary = bitextract.join_and_write(given, tmp_path / "written", found, formats=["jsonl", "tmx"])
    assert summary["counts"]["documents"] == 13
    assert dataset_files(tmp_path / "written") == dataset_files(tmp_path / "run")


def test_documents_lost_or_given_twice_fail_the_run_and_leave_no_output(corpus, tmp_path):
    found = bitextract.discover(corpus)
    docs = [bitextract.process(i["file"], name=i["path"], id=i["id"]) for i in found.inputs]
    with pytest.raises(bitextract.RunError, match="1 inputs of the corpus have no document"):
        bitextract.join_and_write(docs[1:], tmp_path / "out", found)
    with pytest.raises(bitextract.RunError, match="given twice"):
        bitextract.join_and_write(docs + docs[:1], tmp_path / "out", found)
    with pytest.raises(ValueError, match="not a document"):
        bitextract.join_and_write([{"id": 3}], tmp_path / "out", found)
    assert not (tmp_path / "out").exists()


def test_the_gil_is_released_while_rust_works():
    """While one thread processes a long text, another runs Python without a long pause."""
    text = "\n\n".join([EN_NOTICE, FR_NOTICE] * 150).encode()
    done = threading.Event()
    took = []

    def work():
        started = time.perf_counter()
        bitextract.process(text, "long.txt")
        took.append(time.perf_counter() - started)
        done.set()

    worker = threading.Thread(target=work)
    ticks = [time.perf_counter()]
    worker.start()
    while not done.is_set():
        time.sleep(0.001)
        ticks.append(time.perf_counter())
    worker.join()
    longest_pause = max(b - a for a, b in zip(ticks, ticks[1:]))
    assert took[0] > 0.2, f"the call must last to be measured: {took[0]:.3f} s"
    assert longest_pause < took[0] / 4, f"{longest_pause:.3f} s paused in a {took[0]:.3f} s call"


def test_a_parser_panic_costs_its_page_and_prints_nothing(capfd):
    """A PDF that makes a parser panic: the panic is caught and said in the document, and
    nothing reaches standard error (Rust would print its panic message there)."""
    from make_hostile_corpus import pdf_bytes, stream, text_pdf

    objects = text_pdf(["A stray operand follows."])
    objects[3] = stream(b"BT /F1 12 Tf 72 720 Td (A stray operand follows.) Tj 42 Tj ET")
    doc = bitextract.process(pdf_bytes(objects), "stray operand.pdf")
    assert doc["status"] in ("ok", "partial", "failed")
    assert capfd.readouterr().err == ""

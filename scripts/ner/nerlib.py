"""Shared definitions of dateline's entity tagger: tokenizer, hashing, gazetteer flags and features.

Everything here mirrors Sources/DatelineCore/Entities/ (Tokenizer.swift, FeatureHasher.swift,
TaggerFeatures.swift). A change on one side must be made on the other, or the shipped weights stop matching.
"""

import struct
import unicodedata

M64 = (1 << 64) - 1
FNV_OFFSET = 0xCBF29CE484222325
FNV_PRIME = 0x100000001B3
BOS = 0x1111
EOS = 0x2222

TAGS = ["O", "B-PER", "I-PER", "B-LOC", "I-LOC", "B-ORG", "I-ORG"]

# Gazetteer flag bits (one byte per table entry).
PLACE, ORG, GIVEN, SURNAME, ORGHEAD, TITLE, COMMONLOWER, DEMONYM = 1, 2, 4, 8, 16, 32, 64, 128

APOSTROPHES = {"\u2019", "\u02bc", "'"}
HYPHENS = {"-", "\u2010", "\u2011"}
ABBREVIATIONS = {
    "mr", "mrs", "ms", "dr", "gen", "col", "lt", "sgt", "st", "jr", "sr", "prof", "rep", "sen", "gov", "maj",
    "capt", "adm", "rev", "vs", "inc", "ltd", "co", "corp", "mt", "ft", "gov", "pres", "cpl", "pvt", "cmdr",
}
HYPHEN_SUFFIXES = {
    "based", "led", "backed", "controlled", "occupied", "held", "run", "owned", "made", "born", "funded",
    "allied", "aligned", "bound", "friendly", "sponsored", "linked", "supported", "style", "era", "area",
    "annexed", "installed", "appointed", "brokered", "registered", "listed", "headquartered", "operated",
}
SENTENCE_END = {".", "!", "?", ":", "\u2026"}
OPEN_QUOTES = {"\"", "\u201c", "\u2018", "'", "(", "["}


def category(c):
    return unicodedata.category(c)


def is_letter(c):
    return category(c)[0] in "LM"


def is_digit(c):
    return category(c) == "Nd"


def is_upper(c):
    return category(c) in ("Lu", "Lt")


def norm_scalar(c):
    """Apostrophes (and the left single quote, often typed for one) fold to ASCII; nothing else changes."""
    return "'" if c in APOSTROPHES or c == "\u2018" else c


def lower_scalar(c):
    c = norm_scalar(c)
    o = ord(c)
    if 65 <= o <= 90:
        return chr(o + 32)
    if o >= 128 and is_upper(c):
        low = c.lower()
        return low[0] if low else c
    return c


def fnv(chars, h=FNV_OFFSET):
    for c in chars:
        h ^= ord(c)
        h = (h * FNV_PRIME) & M64
    return h


def lower_hash(word):
    return fnv(lower_scalar(c) for c in word)


def cased_hash(word):
    return fnv(norm_scalar(c) for c in word)


def shape_chars(word):
    out = []
    for c in word:
        c = norm_scalar(c)
        cat = category(c)
        if cat in ("Lu", "Lt"):
            s = "X"
        elif cat[0] == "L":
            s = "x"
        elif cat[0] == "M":
            continue
        elif cat == "Nd":
            s = "d"
        else:
            s = c
        if not out or out[-1] != s:
            out.append(s)
    return out


def phrase_hash(words):
    h = FNV_OFFSET
    for i, w in enumerate(words):
        if i:
            h = fnv(" ", h)
        h = fnv((lower_scalar(c) for c in w), h)
    return h


def mix(tpl, value):
    x = (value ^ ((tpl * 0x9E3779B97F4A7C15) & M64)) & M64
    x ^= x >> 31
    x = (x * 0xBF58476D1CE4E5B9) & M64
    x ^= x >> 29
    return x


def combo(a, b):
    return (a * 31 + b) & M64


# ---------------------------------------------------------------------------------------------- tokenizer

def tokenize(text):
    """Tokens as (start, end) offsets in code points, mirroring Tokenizer.swift."""
    tokens = []
    n = len(text)
    i = 0
    while i < n:
        c = text[i]
        if c.isspace() or category(c) in ("Cc", "Cf", "Zs", "Zl", "Zp"):
            i += 1
            continue
        if not (is_letter(c) or is_digit(c)):
            tokens.append((i, i + 1))
            i += 1
            continue
        start = i
        i += 1
        while i < n:
            c = text[i]
            if is_letter(c) or is_digit(c):
                i += 1
                continue
            nxt = text[i + 1] if i + 1 < n else ""
            if (c in APOSTROPHES or c == "\u2018") and nxt and is_letter(nxt):
                i += 1
                continue
            if c in HYPHENS and nxt and (is_letter(nxt) or is_digit(nxt)):
                i += 1
                continue
            if c in ",." and nxt and is_digit(nxt) and is_digit(text[i - 1]):
                i += 1
                continue
            if c == ".":
                word = text[start:i]
                if is_initialism(word) and ((nxt and is_letter(nxt)) or "." in word):
                    i += 1
                    continue
                if word.lower() in ABBREVIATIONS and is_upper(word[0]):
                    i += 1
                    break
            break
        end = i
        tokens.extend(split_word(text, start, end))
    return tokens


def is_initialism(word):
    """"U", "U.S", "U.S." style: single letters separated by periods."""
    parts = word.split(".")
    return all(len(p) == 1 and is_letter(p) for p in parts)


def split_word(text, start, end):
    word = text[start:end]
    out = []
    # A trailing possessive 's (or ’s) is its own token.
    while len(word) > 2 and (word[-2] in APOSTROPHES or word[-2] == "\u2018") and word[-1] in "sS":
        out = [(end - 2, end)] + out
        end -= 2
        word = text[start:end]
    pieces = [(start, end)]
    hy = max((k for k, ch in enumerate(word) if ch in HYPHENS), default=-1)
    if hy > 0:
        tail = word[hy + 1:]
        if tail.lower() in HYPHEN_SUFFIXES and is_upper(word[0]):
            pieces = [(start, start + hy), (start + hy, start + hy + 1), (start + hy + 1, end)]
    return pieces + out


# ---------------------------------------------------------------------------------------------- features

class Gazetteer:
    def __init__(self, table):
        self.table = table  # phrase hash -> flags

    def flags(self, h):
        return self.table.get(h, 0)


def sentence_starts(words):
    starts = []
    for i, w in enumerate(words):
        if i == 0:
            starts.append(True)
            continue
        p = words[i - 1]
        starts.append(p in SENTENCE_END or (p in OPEN_QUOTES and starts[i - 1]))
    return starts


def token_info(words, gaz):
    """Per-token hashes and flags (what Swift computes once per token)."""
    n = len(words)
    info = []
    for w in words:
        low = [lower_scalar(c) for c in w]
        lh = fnv(low)
        info.append({
            "low": lh,
            "cased": cased_hash(w),
            "shape": fnv(shape_chars(w)),
            "pre2": fnv(low[:2]), "pre3": fnv(low[:3]),
            "suf2": fnv(low[-2:]), "suf3": fnv(low[-3:]), "suf4": fnv(low[-4:]),
            "cap": 1 if is_upper(w[0]) else 0,
            "flags": gaz.flags(lh),
            "phrase": 0,
        })
    # Longest multi-word place / organisation matches starting at capitalised tokens.
    i = 0
    while i < n:
        if not info[i]["cap"]:
            i += 1
            continue
        best = 0
        best_kind = 0
        h = FNV_OFFSET
        for length in range(1, 5):
            j = i + length - 1
            if j >= n:
                break
            if length > 1:
                h = fnv(" ", h)
            h = fnv((lower_scalar(c) for c in words[j]), h)
            f = gaz.flags(h)
            if f & (PLACE | ORG):
                best = length
                best_kind = 1 if f & PLACE else 3
        if best:
            info[i]["phrase"] = best_kind
            for k in range(i + 1, i + best):
                info[k]["phrase"] = best_kind + 1
            i += best
        else:
            i += 1
    return info


def static_features(words, gaz):
    n = len(words)
    info = token_info(words, gaz)
    starts = sentence_starts(words)

    def get(i, key, default):
        return info[i][key] if 0 <= i < n else default

    run_bounds = capital_runs(info)
    feats = []
    for i in range(n):
        t = info[i]
        lm1 = get(i - 1, "low", BOS)
        lm2 = get(i - 2, "low", BOS)
        lp1 = get(i + 1, "low", EOS)
        lp2 = get(i + 2, "low", EOS)
        sm1 = get(i - 1, "shape", BOS)
        sp1 = get(i + 1, "shape", EOS)
        f = [
            mix(0, 1),
            mix(1, t["low"]), mix(2, lm1), mix(3, lp1), mix(4, lm2), mix(5, lp2),
            mix(6, t["cased"]), mix(7, t["shape"]), mix(8, sm1), mix(9, sp1),
            mix(10, t["pre2"]), mix(11, t["pre3"]), mix(12, t["suf2"]), mix(13, t["suf3"]), mix(14, t["suf4"]),
            mix(16, t["phrase"]),
            mix(17, get(i - 1, "flags", 0)), mix(18, get(i + 1, "flags", 0)),
            mix(19, (2 if starts[i] else 0) + t["cap"]),
            mix(20, combo(lm1, t["shape"])), mix(21, combo(t["low"], lp1)),
            mix(22, combo(combo(sm1, t["shape"]), sp1)),
        ]
        fl = t["flags"]
        for b in range(8):
            if fl & (1 << b):
                f.append(mix(15, b * 2 + t["cap"]))
        if t["cap"]:
            # The capitalised run the token is in: its last word (the head: "Bureau", "Estuary", "United") and
            # its first word with the run's length (capped at 4) type the whole name.
            a, b = run_bounds[i]
            f.append(mix(27, info[b - 1]["low"]))
            f.append(mix(28, combo(info[a]["low"], min(b - a, 4))))
        feats.append(f)
    return feats, info


def capital_runs(info):
    """(start, end) of the run of consecutive capitalised tokens each token is in ((i, i) when not capitalised)."""
    n = len(info)
    bounds = [(i, i) for i in range(n)]
    i = 0
    while i < n:
        if not info[i]["cap"]:
            i += 1
            continue
        j = i
        while j < n and info[j]["cap"]:
            j += 1
        for k in range(i, j):
            bounds[k] = (i, j)
        i = j
    return bounds


def dynamic_features(t, prev):
    """Features of the previous tag (first order, so the tagger decodes with Viterbi)."""
    return [mix(23, prev), mix(24, combo(t["low"], prev)), mix(25, combo(t["shape"], prev))]


def allowed(tag, prev):
    """BIO constraint: I-X only after B-X or I-X."""
    if tag in (2, 4, 6):
        return prev == tag or prev == tag - 1
    return True


# ---------------------------------------------------------------------------------------------- files

MODEL_MAGIC = b"DLNERW01"
GAZ_MAGIC = b"DLNERG01"


def write_model(path, weights_int16, scale):
    buckets = weights_int16.shape[0]
    with open(path, "wb") as f:
        f.write(MODEL_MAGIC)
        f.write(struct.pack("<IIf", buckets, 8, scale))
        f.write(b"\0" * 4)
        f.write(weights_int16.astype("<i2").tobytes())


def write_gazetteer(path, table):
    """Open-addressing table: capacity (power of two) u64 keys, then capacity u8 flags. Key 0 is empty."""
    cap = 1
    while cap * 3 < len(table) * 4:  # load factor at most 3/4
        cap *= 2
    keys = [0] * cap
    vals = [0] * cap
    for h, fl in table.items():
        if h == 0:
            continue
        slot = h & (cap - 1)
        while keys[slot] != 0 and keys[slot] != h:
            slot = (slot + 1) & (cap - 1)
        keys[slot] = h
        vals[slot] |= fl
    with open(path, "wb") as f:
        f.write(GAZ_MAGIC)
        f.write(struct.pack("<II", cap, 0))
        f.write(struct.pack("<%dQ" % cap, *keys))
        f.write(bytes(vals))

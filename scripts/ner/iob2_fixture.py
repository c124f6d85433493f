#!/usr/bin/env python3
"""Write an .iob2 file (index, word, tag) as an annotated fixture that spacy_compare.py scores end to end:
one sentence per line, tokens joined as running text, names marked [PER ...], [LOC ...], [ORG ...].

Usage: python3 scripts/ner/iob2_fixture.py IN.iob2 OUT.txt
Square brackets in the text become parentheses (the fixture uses them for marks); a line opening with "#" (a
hashtag) gets a no-break space before it so the fixture reader does not take it for a comment. A leading "the"
and a trailing possessive are trimmed on both sides by spacy_compare.
"""

import sys

NO_SPACE_BEFORE = {",", ".", ";", ":", "!", "?", ")", "'s", "\u2019s", "n't", "%", "'", "'re", "'ve", "'ll", "'d", "'m"}
NO_SPACE_AFTER = {"(", "$", "#", "@"}


def sentences(path):
    words, tags = [], []
    for line in open(path, encoding="utf-8"):
        line = line.rstrip("\n")
        if not line.strip():
            if words:
                yield words, tags
            words, tags = [], []
            continue
        cols = line.split("\t")
        if len(cols) >= 3:
            words.append(cols[1].replace("[", "(").replace("]", ")"))
            tags.append(cols[2])
    if words:
        yield words, tags


def render(words, tags):
    out = ""
    open_type = None
    for k, (w, t) in enumerate(zip(words, tags)):
        inside = t.startswith("I-") and open_type == t[2:]
        if open_type and not inside:
            out += "]"
            open_type = None
        if k and w not in NO_SPACE_BEFORE and words[k - 1] not in NO_SPACE_AFTER and not inside:
            out += " "
        elif inside:
            out += " " if w not in NO_SPACE_BEFORE else ""
        if t != "O" and not inside:
            out += "[%s " % t[2:]
            open_type = t[2:]
        out += w
    if open_type:
        out += "]"
    return out


def main():
    src, dst = sys.argv[1], sys.argv[2]
    with open(dst, "w", encoding="utf-8") as f:
        f.write("# converted from %s by iob2_fixture.py\n" % src)
        for words, tags in sentences(src):
            line = render(words, tags)
            if line.startswith("#"):
                line = "\u00a0" + line  # a tweet opening with a hashtag is text, not a fixture comment
            if line.strip():
                f.write(line + "\n")


if __name__ == "__main__":
    main()

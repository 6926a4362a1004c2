"""Names of places across transliterations, and the gazetteer's points that carry them: for importers whose source
lacks a place's Arabic name, to find it on a point of another layer with the same Latin name."""
import csv
import math
import os
import re
import unicodedata

#: Arabic articles as separate words of a Latin name ("Al Hajar al Aswad", "al-Yarmuk", "As Salhieh").
ARTICLES = {"al", "el", "ul", "ad", "ed", "adh", "as", "es", "ash", "esh", "ar", "er", "an", "en", "at", "et",
            "ath", "az", "ez"}
APOSTROPHES = "'’‘`´ʿʾ"

#: Layers of the gazetteer with points and Arabic names, and how each row cites its source.
LAYERS = [
    ("Gazetteer/communities/SY.csv", lambda row: "OCHA communities " + row["pcode"]),
    ("Gazetteer/wof/SY.csv",
     lambda row: row["source"] + (" / GeoNames " + row["geonames_id"] if row["geonames_id"] else "")),
    ("Gazetteer/geonames/SY.csv", lambda row: row["source"]),
    ("Gazetteer/curated/places.csv", lambda row: "curated " + row["id"]),
    ("Gazetteer/curated/names.csv", lambda row: "curated " + row["id"]),
    ("Gazetteer/curated/bases.csv", lambda row: "curated " + row["id"]),
]


def is_arabic(text):
    return any("\u0600" <= letter <= "\u06ff" for letter in text)


def arabic_letters_only(text):
    """Written with the letters of Arabic alone: not Persian, Urdu or Kurdish ("اردوگاه یرموک")."""
    return all(letter == " " or "\u0621" <= letter <= "\u0652" or letter == "\u0670" for letter in text)


def plain(text):
    """Lower case without accents: "Al Ḩajar" -> "al hajar"."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def folded(name):
    """A name as two spellings that only differ in case, accents, hyphens or apostrophes share it."""
    if is_arabic(name):
        return re.sub(r"[\u064b-\u065f\u0670\u0640]", "", name).strip()
    text = plain(name)
    text = re.sub(f"[{APOSTROPHES}]", "", text)
    return " ".join(re.split(r"[\s\-_]+", text)).strip()


def arabic_key(name):
    """An Arabic name without diacritics, hamza forms, articles or spaces: "الحجر الأسود" and "حجر الاسود" meet."""
    text = re.sub(r"[\u064b-\u065f\u0670\u0640\u0621]", "", name)
    text = text.translate(str.maketrans("أإآٱؤئىة", "ااااوييه"))
    return "".join(word[2:] if word.startswith("ال") and len(word) > 3 else word for word in text.split())


def latin_key(name):
    """A Latin name without what its transliterations vary in: articles, hyphens, apostrophes, spaces, doubled
    letters, ou/oo/o against u, ei/ey/ee against i, k against q, h after a vowel at the end of a word.
    "Al Qazzaz" and "Qazaz" both give "qazaz"; "Abou Rummaneh" and "Abu Rummane" both give "aburumane"."""
    text = re.sub(f"[{APOSTROPHES}]", "", plain(name))
    words = [word for word in re.split(r"[^a-z0-9]+", text) if word]
    if len(words) > 1:
        words = [word for word in words if word not in ARTICLES]
    key = []
    for word in words:
        word = word.replace("ou", "u").replace("oo", "u").replace("o", "u")
        word = word.replace("ei", "i").replace("ey", "i").replace("ee", "i")
        word = word.replace("k", "q")
        word = re.sub(r"(?<=[aeiu])h$", "", word)
        key.append(re.sub(r"(.)\1+", r"\1", word))
    return "".join(key)


def distance_km(lat1, lon1, lat2, lon2):
    """Great-circle distance on a sphere of 6371 km."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    a = math.sin((p2 - p1) / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(math.radians(lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(a))


def gazetteer_points(root, south, west, north, east):
    """The points of the gazetteer's layers inside a box that have an Arabic name: dicts with name_en, name_ar,
    latin (the Latin names), arabic (name_ar and the alternates in Arabic), lat, lon and source."""
    points = []
    for layer, cite in LAYERS:
        with open(os.path.join(root, layer), encoding="utf-8", newline="") as text:
            for row in csv.DictReader(text):
                lat, lon = float(row["lat"]), float(row["lon"])
                if not (south <= lat <= north and west <= lon <= east) or not row["name_ar"]:
                    continue
                names = [row["name_en"]] + [name for name in row["alt_names"].split("|") if name]
                points.append({"name_en": row["name_en"], "name_ar": row["name_ar"], "lat": lat, "lon": lon,
                               "latin": [name for name in names if not is_arabic(name)],
                               "arabic": [row["name_ar"]] + [name for name in names if is_arabic(name)
                                                             and arabic_letters_only(name)],
                               "source": cite(row)})
    return points

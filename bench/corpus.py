"""Generate N realistic, noisy Vietnam–RoK news documents (deterministic for a given seed).

    python bench/corpus.py N OUT_DIR [--seed 7]

Sentences are recombined from seed-like templates with varied people, places, dates, topics and
figures, and carry the noise scraped pages carry: emoji, photo captions, image file names, table
pipes, `./.` endings, `Source:` trailers and "related news" tails about other countries.
"""

from __future__ import annotations

import argparse
import random
import sys
from dataclasses import dataclass
from pathlib import Path

VN_FAMILY = [
    "Nguyen",
    "Tran",
    "Le",
    "Pham",
    "Hoang",
    "Phan",
    "Vu",
    "Dang",
    "Bui",
    "Do",
    "Ngo",
    "Duong",
    "Luong",
    "Dinh",
]
VN_MIDDLE = ["Van", "Thi", "Minh", "Duc", "Thanh", "Quoc", "Hong", "Anh", "Xuan", "Manh", "Tuan"]
VN_GIVEN = [
    "Hung",
    "Lan",
    "Cuong",
    "Son",
    "Binh",
    "Dung",
    "Hai",
    "Long",
    "Phuc",
    "Trung",
    "Khoa",
    "Nam",
    "Linh",
    "Thao",
]
KR_FAMILY = [
    "Kim",
    "Lee",
    "Park",
    "Choi",
    "Jung",
    "Kang",
    "Cho",
    "Yoon",
    "Jang",
    "Lim",
    "Han",
    "Shin",
    "Kwon",
    "Ahn",
]
KR_GIVEN = [
    "Min-jun",
    "Seo-yeon",
    "Ji-ho",
    "Hye-won",
    "Dong-hyun",
    "Sung-ho",
    "Jae-won",
    "Eun-ji",
    "Tae-yang",
    "Hyun-woo",
]
VN_TITLES = [
    "Prime Minister",
    "Deputy Prime Minister",
    "Minister of Industry and Trade",
    "National Assembly Chairman",
    "Minister of Foreign Affairs",
    "State President",
    "Minister of Planning and Investment",
]
KR_TITLES = [
    "Prime Minister of the Republic of Korea (RoK)",
    "RoK Minister of Trade, Industry and Energy",
    "Korean Foreign Minister",
    "Speaker of the RoK National Assembly",
    "Korean Deputy Prime Minister",
]
VN_CITIES = [
    "Hanoi",
    "Ho Chi Minh City",
    "Da Nang",
    "Hai Phong",
    "Quang Ninh",
    "Can Tho",
    "Bac Ninh",
]
KR_CITIES = ["Seoul", "Busan", "Incheon", "Daegu", "Gyeongju", "Ulsan", "Suwon", "Sejong"]
MONTHS = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
]
KINDS = ["state visit", "official visit", "working trip", "working visit"]
TOPICS = {
    "trade": "facilitating trade and market access for each other's goods",
    "investment": "expanding investment in infrastructure and high-tech industries",
    "labour": "increasing labour quotas for Vietnamese workers",
    "education": "strengthening links between universities and vocational schools",
    "culture": "stepping up cultural exchanges and establishing a culture centre",
    "defence": "enhancing defence and security cooperation",
    "energy": "developing renewable energy and power grids",
    "semiconductors": "building semiconductor supply chains",
    "artificial intelligence": "cooperating in artificial intelligence and digital transformation",
    "climate": "supporting climate change adaptation in the Mekong Delta",
    "tourism": "simplifying visa procedures to boost tourism",
    "health": "cooperating in healthcare and pharmaceuticals",
}
FIGURES = [
    ("raise two-way trade to {n} billion USD by {y}", (100, 200)),
    ("lift Korean investment in Vietnam to USD {n} billion by {y}", (20, 90)),
    ("receive {n},000 more Vietnamese workers by {y}", (10, 90)),
]
COUNTRIES = [
    "Laos",
    "Cambodia",
    "Japan",
    "India",
    "New Zealand",
    "Switzerland",
    "Singapore",
    "Thailand",
]
EMOJI = ["💙", "🌄", "🤝", "🇰🇷", "🇻🇳", "✨"]


@dataclass
class Person:
    name: str
    title: str


@dataclass
class Visit:
    visitor: Person
    host: Person
    kind: str
    to_korea: bool
    month: int
    start: int
    days: int
    year: int
    cities: list[str]


def person(rng: random.Random, korean: bool) -> Person:
    if korean:
        return Person(f"{rng.choice(KR_FAMILY)} {rng.choice(KR_GIVEN)}", rng.choice(KR_TITLES))
    return Person(
        f"{rng.choice(VN_FAMILY)} {rng.choice(VN_MIDDLE)} {rng.choice(VN_GIVEN)}",
        rng.choice(VN_TITLES),
    )


def make_visit(rng: random.Random) -> Visit:
    to_korea = rng.random() < 0.5
    vn, kr = person(rng, False), person(rng, True)
    visitor, host = (vn, kr) if to_korea else (kr, vn)
    cities = rng.sample(KR_CITIES if to_korea else VN_CITIES, 2)
    return Visit(
        visitor,
        host,
        rng.choice(KINDS),
        to_korea,
        rng.randint(1, 12),
        rng.randint(1, 24),
        rng.randint(1, 4),
        rng.randint(2019, 2026),
        cities,
    )


def document(rng: random.Random, visit: Visit, state_year: bool) -> str:
    country = "the Republic of Korea (RoK)" if visit.to_korea else "Vietnam"
    month = MONTHS[visit.month - 1]
    end = visit.start + visit.days - 1
    year = f", {visit.year}" if state_year else ""
    lines = [
        f"{visit.visitor.title} {visit.visitor.name}'s {visit.kind} to {'RoK' if visit.to_korea else 'Vietnam'} deepens ties",
        f"{visit.cities[0]} (VNA){rng.choice(EMOJI)} – {visit.visitor.title} {visit.visitor.name} paid a {visit.kind} to "
        f"{country} from {month} {visit.start}–{end}{year} at the invitation of {visit.host.title} {visit.host.name}.",
        f"{rng.randint(10**6, 10**9)}_{rng.randint(10**4, 10**6)}_n.jpg",
        f"{visit.visitor.title} {visit.visitor.name} (left) and {visit.host.title} {visit.host.name}. (Photo: VNA)",
        f"The two leaders held talks in {visit.cities[0]} on {month} {visit.start}, reviewing the Comprehensive "
        f"Strategic Partnership between Vietnam and the RoK.",
    ]
    for topic in rng.sample(sorted(TOPICS), 4):
        verb = rng.choice(
            ["agreed to continue", "pledged to work on", "reaffirmed their commitment to"]
        )
        lines.append(
            f"{rng.choice(['Both sides', 'The two leaders', 'They'])} {verb} {TOPICS[topic]}."
        )
    template, (low, high) = rng.choice(FIGURES)
    lines.append(
        f"The two sides agreed to {template.format(n=rng.randint(low, high), y=rng.choice([2028, 2030, 2035]))}."
    )
    lines.append(
        f"Currently, over {rng.randint(100, 400)},000 Vietnamese are living in the RoK, and "
        f"{rng.randint(2, 6)} million visits were made between the two countries in {visit.year - 1}."
    )
    lines += ["    |", " |", "|"]
    lines.append(
        f"On {month} {end}, the delegation visited {visit.cities[1]} and witnessed the signing of "
        f"{rng.randint(5, 60)} cooperation agreements./."
    )
    for _ in range(rng.randint(2, 5)):
        other = rng.choice(COUNTRIES)
        lines.append(
            f"Vietnam and {other} agreed to raise trade to {rng.randint(5, 40)} billion USD by 2030, "
            f"according to the Ministry of Foreign Affairs."
        )
    lines.append("Source: VNA")
    return "\n".join(lines) + "\n"


def generate(count: int, out: Path, seed: int = 7) -> None:
    """Write count documents into out; about three documents report each visit."""
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    visits = [make_visit(rng) for _ in range(max(1, count // 3))]
    for index in range(count):
        visit = visits[index % len(visits)]
        text = document(rng, visit, state_year=index < len(visits))
        (out / f"{index:05d}.txt").write_text(text, encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("count", type=int)
    parser.add_argument("out", type=Path)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args()
    generate(args.count, args.out, args.seed)
    return 0


if __name__ == "__main__":
    sys.exit(main())

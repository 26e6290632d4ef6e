"""A long invented transcript for scale tests: hundreds of people in hundreds of bureaus who name each other.

Everything is made up from the word lists below; the text follows the
roster-and-turns layout that cyberkg parses.
"""

from __future__ import annotations

SURNAMES = ("Lin", "Gao", "Pan", "Tao", "Ruan", "Fei", "Shen", "Lu", "Jiang", "Meng", "Qiu", "Wei", "Xu", "Yan", "Zeng", "Cao", "Deng", "Hou", "Kong", "Mo")
GIVEN = ("Aoran", "Beihan", "Chenxi", "Dongyu", "Enlai", "Fanrong", "Guiying", "Haoyu", "Jiarui", "Kaiwen", "Lanfang", "Mingzhe", "Ningbo", "Ouyu", "Peiran", "Qingyi", "Ruoxi", "Shuyi", "Tianle", "Wenjie")
TOPICS = ("Rivers", "Forests", "Harbours", "Railways", "Bridges", "Grasslands", "Fisheries", "Tunnels", "Canals", "Orchards", "Lighthouses", "Glaciers", "Wetlands", "Deserts", "Islands", "Valleys", "Meadows", "Springs", "Reservoirs", "Dunes")
FIELDS = ("Water", "Land", "Transport", "Energy", "Culture", "Science", "Trade", "Health", "Farming", "Weather", "Maps", "Parks")


def people(n: int) -> list[str]:
    names = [f"{s} {g}" for g in GIVEN for s in SURNAMES]
    if n > len(names):
        raise ValueError(f"at most {len(names)} invented people")
    return names[:n]


def bureau(i: int) -> str:
    return f"Bureau of {TOPICS[i % len(TOPICS)]} of the Ministry of {FIELDS[(i // len(TOPICS)) % len(FIELDS)]}"


def big_transcript(n_people: int = 400) -> str:
    """A transcript whose entities view has about 1.6 × ``n_people`` nodes."""
    names = people(n_people)
    n_bureaus = min(len(TOPICS) * len(FIELDS), max(1, n_people * 3 // 5))
    lines = ["Briefing on the work of many invented bureaus", "", "Speakers:"]
    lines += [f"Mr. {name}, director general of the {bureau(i % n_bureaus)}" for i, name in enumerate(names)]
    lines += ["Moderator: Ms. Hu Lanxin, spokesperson of the Office of Briefings", "", "Hu Lanxin:", ""]
    lines += [f"Good morning. With us today are {', '.join(f'Mr. {name}' for name in names[:8])} and many others.", ""]
    for i, name in enumerate(names):
        others = [names[(i + step) % len(names)] for step in (1, 7, 31)]
        lines += [
            f"{name}:",
            "",
            f"Thank you. On the {TOPICS[i % len(TOPICS)].lower()}, I work with Mr. {others[0]} and Mr. {others[1]}. "
            f"Mr. {others[2]} will say more about it later.",
            "",
        ]
    lines += ["Hu Lanxin:", "", "Thank you all. Goodbye.", ""]
    return "\n".join(lines)

"""Place names of Guangdong for checking and generating addresses: cities, districts, streets (街道/镇) and roads.

Sources: written from the author's general knowledge, not copied from a file or checked against an official list
at the time of writing. Division codes follow GB/T 2260 as in force in the 2020s (Guangzhou's 11 districts after
the 2014 reform, e.g. 黄埔区 440112; 萝岗区 440116 was merged into 黄埔区 then, and older ID numbers still carry it).
Huangpu's 16 streets and 1 town are the divisions after the 2019-2020 changes. Road names are real roads of
Huangpu and central Guangzhou; which street (街道) a road lies in is given only where the author is confident, so
generated addresses pair a street with a road only from ROADS_BY_STREET. Other cities list their central districts
only, and their roads are the generic names found in almost every Chinese city (人民路, 中山路 ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass


def _words(text: str) -> tuple[str, ...]:
    """A table row written as space-separated names."""
    return tuple(text.split())


PROVINCE = "广东省"
PROVINCE_CODE = "440000"

# The 21 prefecture-level cities and their GB/T 2260 codes.
CITIES: dict[str, str] = {
    "广州市": "440100",
    "韶关市": "440200",
    "深圳市": "440300",
    "珠海市": "440400",
    "汕头市": "440500",
    "佛山市": "440600",
    "江门市": "440700",
    "湛江市": "440800",
    "茂名市": "440900",
    "肇庆市": "441200",
    "惠州市": "441300",
    "梅州市": "441400",
    "汕尾市": "441500",
    "河源市": "441600",
    "阳江市": "441700",
    "清远市": "441800",
    "东莞市": "441900",
    "中山市": "442000",
    "潮州市": "445100",
    "揭阳市": "445200",
    "云浮市": "445300",
}

GUANGZHOU_DISTRICTS: dict[str, str] = {
    "荔湾区": "440103",
    "越秀区": "440104",
    "海珠区": "440105",
    "天河区": "440106",
    "白云区": "440111",
    "黄埔区": "440112",
    "番禺区": "440113",
    "花都区": "440114",
    "南沙区": "440115",
    "从化区": "440117",
    "增城区": "440118",
}

# Districts per city; 东莞 and 中山 have no districts (towns and streets sit directly under the city).
DISTRICTS: dict[str, dict[str, str]] = {
    "广州市": GUANGZHOU_DISTRICTS,
    "韶关市": {"武江区": "440203", "浈江区": "440204", "曲江区": "440205"},
    "深圳市": {
        "罗湖区": "440303",
        "福田区": "440304",
        "南山区": "440305",
        "宝安区": "440306",
        "龙岗区": "440307",
        "盐田区": "440308",
        "龙华区": "440309",
        "坪山区": "440310",
        "光明区": "440311",
    },
    "珠海市": {"香洲区": "440402", "斗门区": "440403", "金湾区": "440404"},
    "汕头市": {"龙湖区": "440507", "金平区": "440511", "濠江区": "440512", "潮阳区": "440513", "澄海区": "440515"},
    "佛山市": {"禅城区": "440604", "南海区": "440605", "顺德区": "440606", "三水区": "440607", "高明区": "440608"},
    "江门市": {"蓬江区": "440703", "江海区": "440704", "新会区": "440705"},
    "湛江市": {"赤坎区": "440802", "霞山区": "440803", "坡头区": "440804", "麻章区": "440811"},
    "茂名市": {"茂南区": "440902", "电白区": "440904"},
    "肇庆市": {"端州区": "441202", "鼎湖区": "441203", "高要区": "441204"},
    "惠州市": {"惠城区": "441302", "惠阳区": "441303"},
    "梅州市": {"梅江区": "441402", "梅县区": "441403"},
    "汕尾市": {"城区": "441502"},
    "河源市": {"源城区": "441602"},
    "阳江市": {"江城区": "441702", "阳东区": "441704"},
    "清远市": {"清城区": "441802", "清新区": "441803"},
    "东莞市": {},
    "中山市": {},
    "潮州市": {"湘桥区": "445102", "潮安区": "445103"},
    "揭阳市": {"榕城区": "445202", "揭东区": "445203"},
    "云浮市": {"云城区": "445302", "云安区": "445303"},
}

# Codes no longer current that still appear on documents issued before the change (ID numbers keep their
# first area code for life; credit codes keep the registering authority's). 440101 is Guangzhou's city-level
# "市辖区" code, used by the city's own registration authority.
FORMER_CODES: dict[str, tuple[str, str | None]] = {
    "440101": ("广州市", None),
    "440102": ("广州市", "东山区"),  # merged into 越秀区 in 2005
    "440107": ("广州市", "芳村区"),  # merged into 荔湾区 in 2005
    "440116": ("广州市", "萝岗区"),  # merged into 黄埔区 in 2014
    "440183": ("广州市", "增城市"),  # became 增城区 in 2014
    "440184": ("广州市", "从化市"),  # became 从化区 in 2014
}

# Streets (街道) and towns (镇), keyed by city + district (or the city alone where it has no districts).
STREETS: dict[str, tuple[str, ...]] = {
    "广州市黄埔区": _words(
        "黄埔街道 红山街道 鱼珠街道 大沙街道 文冲街道 穗东街道 南岗街道 长洲街道 夏港街道 "
        "萝岗街道 联和街道 永和街道 云埔街道 长岭街道 九佛街道 龙湖街道 新龙镇"
    ),
    "广州市天河区": _words("天河南街道 林和街道 石牌街道 五山街道 员村街道 车陂街道 棠下街道 猎德街道"),
    "广州市越秀区": _words("北京街道 人民街道 东山街道 农林街道 黄花岗街道 建设街道 大塘街道 流花街道"),
    "广州市海珠区": _words("赤岗街道 新港街道 滨江街道 昌岗街道 南石头街道 琶洲街道 江海街道 素社街道"),
    "广州市荔湾区": _words("沙面街道 多宝街道 逢源街道 龙津街道 西村街道 花地街道 冲口街道 东漖街道"),
    "广州市白云区": _words("景泰街道 同德街道 黄石街道 新市街道 三元里街道 京溪街道 嘉禾街道 同和街道"),
    "广州市番禺区": _words("市桥街道 沙头街道 东环街道 桥南街道 小谷围街道 大石街道 洛浦街道"),
    "广州市花都区": _words("新华街道 新雅街道 秀全街道 花城街道 狮岭镇"),
    "广州市南沙区": _words("南沙街道 珠江街道 龙穴街道 黄阁镇"),
    "广州市从化区": _words("街口街道 江埔街道 城郊街道 温泉镇"),
    "广州市增城区": _words("荔城街道 增江街道 朱村街道 永宁街道 新塘镇"),
    "东莞市": _words("莞城街道 南城街道 东城街道 万江街道 虎门镇 长安镇 常平镇 塘厦镇"),
    "中山市": _words("石岐街道 东区街道 西区街道 南区街道 小榄镇"),
}
HUANGPU_STREETS = STREETS["广州市黄埔区"]

# Roads, keyed like STREETS. Huangpu's list is the longest because the kiosks stand there.
ROADS: dict[str, tuple[str, ...]] = {
    "广州市黄埔区": _words(
        "黄埔东路 大沙地东路 大沙地西路 丰乐北路 丰乐南路 怡园路 港湾路 石化路 金洲北路 开发大道 开创大道 "
        "科学大道 香雪大道中 开源大道 科丰路 科珠路 光谱中路 揽月路 彩频路 神舟路 伴河路 瑞和路 开泰大道 "
        "护林路 茅岗路 永顺大道 禾丰路 九龙大道 广汕一路 黄埔大道东 东鹏大道 志诚大道 云埔一路 骏丰路 玉岩路"
    ),
    "广州市天河区": _words(
        "天河路 天河北路 体育西路 体育东路 林和西路 五山路 中山大道西 黄埔大道西 珠江东路 花城大道 华夏路 龙口西路"
    ),
    "广州市越秀区": _words(
        "北京路 中山四路 中山五路 东风中路 东风东路 解放北路 环市东路 农林下路 越秀南路 起义路 流花路 惠福东路"
    ),
    "广州市海珠区": _words("江南大道中 新港中路 新港西路 工业大道中 昌岗中路 宝岗大道 滨江东路 琶洲大道"),
    "广州市荔湾区": _words("中山七路 中山八路 康王路 龙津西路 宝华路 芳村大道 黄沙大道 花地大道"),
    "广州市白云区": _words("白云大道北 机场路 广园中路 同和路 云城西路 石沙路 黄石东路"),
    "广州市番禺区": _words("清河东路 繁华路 大北路 迎宾路 亚运大道 汉溪大道 南大路"),
    "广州市花都区": _words("迎宾大道 商业大道 凤凰北路 公益路 建设北路"),
    "广州市南沙区": _words("进港大道 黄阁大道 海滨路 凤凰大道"),
    "广州市从化区": _words("河滨北路 新城西路 青云路"),
    "广州市增城区": _words("府佑路 增城大道 荔乡路 挂绿路"),
}
# Names found in nearly every Chinese city: what other cities' addresses use here.
GENERIC_ROADS: tuple[str, ...] = _words(
    "人民路 中山路 解放路 建设路 新华路 东风路 文化路 和平路 胜利路 朝阳路 人民北路 人民南路 "
    "中山一路 中山二路 建设大道 滨江路 环城路 府前路"
)

# Street -> roads known to run through it (Huangpu only, where the author is confident).
ROADS_BY_STREET: dict[str, tuple[str, ...]] = {
    "大沙街道": _words("大沙地东路 大沙地西路 丰乐北路 怡园路"),
    "长洲街道": _words("金洲北路"),
    "文冲街道": _words("石化路"),
    "联和街道": _words("科学大道 开源大道 科丰路 科珠路 光谱中路 揽月路 彩频路 神舟路"),
    "萝岗街道": _words("香雪大道中"),
    "永和街道": _words("永顺大道 禾丰路"),
    "夏港街道": _words("开发大道"),
}

# A road-shaped name (for roads the tables do not list): up to 8 characters and a road word, maybe a direction.
ROAD_SHAPE = re.compile(
    r"^[\u4e00-\u9fff]{1,8}?(大道|公路|大街|路|街|巷)([东西南北中](?![区座栋])|[一二三四五六七八九十]+[路街巷])?"
)


@dataclass(frozen=True)
class AddressParts:
    """An address split into its administrative and postal parts; `rest` is what follows the house number."""

    province: str | None
    city: str
    district: str | None
    street: str | None
    road: str | None
    number: str | None
    rest: str
    area_code: str  # GB/T 2260 code of the district (or city where no district is given)
    known_road: bool  # the road is in this gazetteer (not just shaped like a road name)


def area_code(city: str, district: str | None = None) -> str | None:
    """The GB/T 2260 code of a city or a district in it, or None if not in the gazetteer."""
    if city not in CITIES:
        return None
    if district is None:
        return CITIES[city]
    return DISTRICTS[city].get(district)


def district_of_code(code: str) -> tuple[str, str | None] | None:
    """The (city, district) a six-digit division code names (current or former), or None."""
    for city, districts in DISTRICTS.items():
        for district, dcode in districts.items():
            if dcode == code:
                return city, district
        if CITIES[city] == code:
            return city, None
    return FORMER_CODES.get(code)


def roads_in(city: str, district: str | None) -> tuple[str, ...]:
    """The roads the gazetteer knows in a district (GENERIC_ROADS where it lists none)."""
    return ROADS.get(city + (district or ""), GENERIC_ROADS)


def streets_in(city: str, district: str | None) -> tuple[str, ...]:
    """The streets and towns the gazetteer knows in a district (may be empty)."""
    return STREETS.get(city + (district or ""), ())


def _match_prefix(text: str, words: list[str] | tuple[str, ...]) -> str | None:
    """The longest word that `text` starts with."""
    hits = [w for w in words if text.startswith(w)]
    return max(hits, key=len) if hits else None


def parse_address(text: str) -> AddressParts | None:
    """Split a Guangdong address into its parts, or None if its city or district is not in the gazetteer.

    Accepts the forms printed on ID cards and licences: [广东省]市[区][街道|镇][路][N号][rest], e.g.
    广东省广州市黄埔区大沙街道大沙地东路88号501房.
    """
    rest = text.strip().replace(" ", "")
    province = None
    if rest.startswith(PROVINCE):
        province, rest = PROVINCE, rest[len(PROVINCE) :]
    city = _match_prefix(rest, list(CITIES))
    if city is None:
        return None
    rest = rest[len(city) :]
    district = _match_prefix(rest, list(DISTRICTS[city]))
    if district is None and DISTRICTS[city]:
        return None  # a city with districts always names one in an address
    if district:
        rest = rest[len(district) :]
    key = city + (district or "")
    street = _match_prefix(rest, STREETS.get(key, ()))
    if street is None:
        shaped = re.match(r"^[\u4e00-\u9fff]{2,5}?(街道|镇)", rest)
        street = shaped.group(0) if shaped else None
    if street:
        rest = rest[len(street) :]
    road = _match_prefix(rest, ROADS.get(key, ()) + GENERIC_ROADS)
    known_road = road is not None
    if road is None:
        shaped = ROAD_SHAPE.match(rest)
        road = shaped.group(0) if shaped else None
    if road:
        rest = rest[len(road) :]
    number_match = re.match(r"^(自编)?\d+(之\d+)?号", rest)
    number = number_match.group(0) if number_match else None
    if number:
        rest = rest[len(number) :]
    code = area_code(city, district)
    assert code is not None  # city and district came from the tables
    return AddressParts(province, city, district, street, road, number, rest, code, known_road)

"""Random but well-formed ground truth for synthetic documents: resident ID cards and business licences.

Everything is drawn from one `random.Random`, so a seed gives the same person or company every time. Numbers obey
their standards (GB 11643 ID numbers, GB 32100 credit codes), dates are real and validity periods follow the
Resident Identity Card Law (art. 5: 5 years under 16, 10 years for 16-25, 20 years for 26-45, long-term from 46).
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date, timedelta

from catalog.codes import CREDIT_CHARSET, id_check_digit, make_credit_code
from kiosk.ocr import gazetteer
from kiosk.ocr.vocab import COMMON_SURNAMES, COMPOUND_SURNAMES, ETHNIC_GROUPS, RARE_SURNAMES

# The "today" of the synthetic world, fixed so that output never depends on the wall clock.
REFERENCE_DATE = date(2025, 6, 1)
LONG_TERM = "长期"
ADDRESS_MAX_CHARS = 33  # the card prints at most 3 lines of 11 characters

GIVEN_NAME_CHARS = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红鹏辉建国志文斌宇浩凯俊峰晨欣怡婷雪琳晓梓涵子轩"
    "嘉欣雨萱思彤宏海燕丹慧颖诗琪佳宁锦荣耀健伦锋家豪永坚振东晖瑶琦曦昊然博睿泽天翊昕妍梦洁若溪可馨一诺"
)
# Names of some minority citizens are transliterations joined by a middle dot (and may be long).
DOTTED_NAMES = ("买买提·艾力", "阿依古丽·吐尔逊", "古丽娜尔·买买提", "艾尔肯·吾斯曼", "热依汗·阿不都", "努尔·巴合提")
DOTTED_GROUPS = ("维吾尔", "哈萨克", "柯尔克孜", "塔吉克", "乌孜别克", "塔塔尔")
# Groups living in or migrating to Guangdong most often, after 汉 (drawn more often than the rest).
FREQUENT_MINORITIES = ("壮", "瑶", "畲", "回", "满", "土家", "苗", "侗", "黎", "彝", "布依", "蒙古", "朝鲜")


@dataclass(frozen=True)
class Person:
    """One resident's ID card, both sides."""

    name: str
    sex: str
    ethnicity: str
    birth_date: date
    address: str
    id_number: str
    issuing_authority: str
    valid_from: date
    valid_until: date | None  # None: 长期 (long-term)

    def front_fields(self) -> dict[str, str]:
        """The photo side's fields by DESIGN name, dates as YYYY-MM-DD."""
        return {
            "name": self.name,
            "sex": self.sex,
            "ethnicity": self.ethnicity,
            "birth_date": self.birth_date.isoformat(),
            "address": self.address,
            "id_number": self.id_number,
        }

    def back_fields(self) -> dict[str, str]:
        """The emblem side's fields by DESIGN name (valid_until is YYYY-MM-DD or 长期)."""
        return {
            "issuing_authority": self.issuing_authority,
            "valid_from": self.valid_from.isoformat(),
            "valid_until": self.valid_until.isoformat() if self.valid_until else LONG_TERM,
        }


@dataclass(frozen=True)
class Company:
    """One business licence's recorded items, as printed."""

    credit_code: str
    name: str
    company_type: str
    legal_representative: str
    registered_capital: str
    established_date: date
    business_term: str
    address: str
    business_scope: str
    registration_authority: str
    registration_date: date  # the date under the seal (last change or first issue)
    extra: dict[str, str] = field(default_factory=dict)

    def fields(self) -> dict[str, str]:
        """The licence's fields by DESIGN name (plus business_scope and business_term)."""
        return {
            "credit_code": self.credit_code,
            "name": self.name,
            "company_type": self.company_type,
            "legal_representative": self.legal_representative,
            "registered_capital": self.registered_capital,
            "established_date": self.established_date.isoformat(),
            "business_term": self.business_term,
            "address": self.address,
            "business_scope": self.business_scope,
        }


def random_date(rng: random.Random, start: date, end: date) -> date:
    """A uniformly random day in [start, end]."""
    return start + timedelta(days=rng.randint(0, (end - start).days))


def add_years(day: date, years: int) -> date:
    """The same month and day `years` later (29 February becomes 28 February, as cards print it)."""
    try:
        return day.replace(year=day.year + years)
    except ValueError:
        return day.replace(year=day.year + years, day=28)


def age_on(birth: date, day: date) -> int:
    """Full years of age on a day."""
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def validity_years(age_at_issue: int) -> int | None:
    """Years an ID card issued at this age is valid for (None: long-term), per the Resident Identity Card Law."""
    if age_at_issue < 16:
        return 5
    if age_at_issue <= 25:
        return 10
    if age_at_issue <= 45:
        return 20
    return None


def random_name(rng: random.Random, ethnicity: str = "汉") -> str:
    """A Chinese personal name: mostly common surnames, some rare and compound ones, 1-2 given characters."""
    if ethnicity in DOTTED_GROUPS and rng.random() < 0.7:
        return rng.choice(DOTTED_NAMES)
    roll = rng.random()
    if roll < 0.86:
        surname = rng.choice(COMMON_SURNAMES)
    elif roll < 0.95:
        surname = rng.choice(RARE_SURNAMES)
    else:
        surname = rng.choice(COMPOUND_SURNAMES)
    given_len = 1 if rng.random() < 0.3 else 2
    return surname + "".join(rng.choice(GIVEN_NAME_CHARS) for _ in range(given_len))


def random_ethnicity(rng: random.Random) -> str:
    """汉 for most people; the other 55 groups rarer, those common in Guangdong more often."""
    roll = rng.random()
    if roll < 0.88:
        return "汉"
    if roll < 0.97:
        return rng.choice(FREQUENT_MINORITIES)
    return rng.choice(ETHNIC_GROUPS[1:])


def _house(rng: random.Random) -> str:
    """The part after the road: house number, optional building, room."""
    number = f"{rng.randint(1, 399)}号"
    if rng.random() < 0.1:
        number = f"自编{rng.randint(1, 60)}号"
    building = f"{rng.randint(1, 12)}栋" if rng.random() < 0.35 else ""
    room = f"{rng.randint(1, 33)}{rng.randint(1, 8):02d}房" if rng.random() < 0.9 else ""
    return number + building + room


def random_address(rng: random.Random, *, province: bool = True, huangpu_share: float = 0.6) -> tuple[str, str]:
    """A Guangdong street address from the gazetteer and its district's GB/T 2260 code."""
    roll = rng.random()
    if roll < huangpu_share:
        city, district = "广州市", "黄埔区"
    elif roll < huangpu_share + (1 - huangpu_share) * 0.6:
        city, district = "广州市", rng.choice(list(gazetteer.GUANGZHOU_DISTRICTS))
    else:
        city = rng.choice([c for c in gazetteer.CITIES if c != "广州市"])
        districts = list(gazetteer.DISTRICTS[city])
        district = rng.choice(districts) if districts else None
    code = gazetteer.area_code(city, district)
    assert code is not None
    streets = gazetteer.streets_in(city, district)
    street = ""
    if district == "黄埔区" and rng.random() < 0.6:
        street = rng.choice(list(gazetteer.ROADS_BY_STREET))
        road = rng.choice(gazetteer.ROADS_BY_STREET[street])
    else:
        road = rng.choice(gazetteer.roads_in(city, district))
        # Streets elsewhere are only written where roads are not pinned to districts (generic names).
        if streets and district is None:
            street = rng.choice(streets)
    head = (gazetteer.PROVINCE if province else "") + city + (district or "") + street + road
    for _ in range(10):
        address = head + _house(rng)
        if len(address) <= ADDRESS_MAX_CHARS:
            return address, code
    return head + f"{rng.randint(1, 99)}号", code


def id_number(rng: random.Random, area: str, birth: date, sex: str) -> str:
    """An 18-character citizen number: area code, birth date, sequence with sex parity, GB 11643 check."""
    sequence = rng.randint(0, 99) * 10 + rng.choice((1, 3, 5, 7, 9) if sex == "男" else (0, 2, 4, 6, 8))
    first17 = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return first17 + id_check_digit(first17)


def issuing_authority(area: str) -> str:
    """The public security bureau (branch) that issues cards for residents registered in a district."""
    place = gazetteer.district_of_code(area)
    assert place is not None
    city, district = place
    if district is None:
        return f"{city}公安局"
    # Branches drop 区 from the district name (广州市公安局黄埔分局); 城区 keeps its full name.
    branch = district[:-1] if len(district) > 2 else district
    return f"{city}公安局{branch}分局"


def make_person(rng: random.Random) -> Person:
    """A resident with a consistent ID card: number matches address area, birth date and sex; lawful validity."""
    sex = rng.choice(("男", "女"))
    ethnicity = random_ethnicity(rng)
    birth = random_date(rng, date(1940, 1, 1), date(2012, 12, 31))
    address, area = random_address(rng)
    number = id_number(rng, area, birth, sex)
    # Second-generation cards exist since 2004; most cards in a wallet are still valid, some have expired.
    earliest = max(date(2004, 1, 1), birth + timedelta(days=30))
    for _ in range(20):
        valid_from = random_date(rng, earliest, REFERENCE_DATE)
        years = validity_years(age_on(birth, valid_from))
        valid_until = add_years(valid_from, years) if years else None
        if valid_until is None or valid_until >= REFERENCE_DATE or rng.random() < 0.1:
            break
    return Person(
        name=random_name(rng, ethnicity),
        sex=sex,
        ethnicity=ethnicity,
        birth_date=birth,
        address=address,
        id_number=number,
        issuing_authority=issuing_authority(area),
        valid_from=valid_from,
        valid_until=valid_until,
    )


# ---- business licences -------------------------------------------------------------------------------------

DIGITS_UPPER = "零壹贰叁肆伍陆柒捌玖"
_BRANDS = (
    "智联 华创 粤信 恒达 博瑞 盈泰 鸿鑫 宏图 凯晟 精诚 汇源 聚隆 科润 云启 卓越 天成 新宇 嘉和 南方 远航 金穗 领航 "
    "星辰 穗联 德胜 中科 明康 立信 广德 瑞丰 海川 百川 思创 优品 东岳 长青 誉达 蓝海 万象 锦程"
)
BRAND_WORDS = tuple(_BRANDS.split())
INDUSTRIES: dict[str, tuple[str, ...]] = {
    "科技": ("软件开发", "信息技术咨询服务", "信息系统集成服务", "人工智能应用软件开发", "数据处理和存储支持服务"),
    "信息技术": ("软件开发", "网络技术服务", "计算机系统服务", "信息技术咨询服务", "互联网数据服务"),
    "生物医药": ("医学研究和试验发展", "生物化工产品技术研发", "第一类医疗器械销售", "技术服务、技术开发"),
    "电子": ("电子元器件制造", "电子产品销售", "集成电路设计", "电子专用材料研发"),
    "贸易": ("日用百货销售", "五金产品批发", "服装服饰零售", "货物进出口", "技术进出口"),
    "新材料": ("新材料技术研发", "高性能纤维及复合材料销售", "塑料制品制造", "化工产品销售（不含许可类化工产品）"),
    "物流": ("普通货物仓储服务（不含危险化学品等需许可审批的项目）", "国内货物运输代理", "装卸搬运", "供应链管理服务"),
    "餐饮管理": ("餐饮管理", "食品销售（仅销售预包装食品）", "外卖递送服务", "企业管理咨询"),
    "建筑工程": ("工程管理服务", "园林绿化工程施工", "建筑材料销售", "住宅室内装饰装修"),
    "文化传播": ("组织文化艺术交流活动", "广告设计、代理", "会议及展览服务", "平面设计"),
    "智能装备": ("智能机器人的研发", "工业自动控制系统装置制造", "通用设备修理", "机械设备销售"),
}
SCOPE_TAIL = "（除依法须经批准的项目外，凭营业执照依法自主开展经营活动）"
SOLE_SUFFIXES = ("商行", "经营部", "工作室", "贸易部")
CAPITAL_FORMATS = ("人民币{}元整", "{}元（人民币）", "人民币{}元", "{}元")


def chinese_amount(number: int) -> str:
    """An integer below 10^12 in the financial capital numerals licences print (5000000 -> 伍佰万)."""

    def below_10000(n: int) -> str:
        """0 < n < 10000 in capital numerals, inner zeros read once (1005 -> 壹仟零伍)."""
        out, zero = "", False
        for unit_value, unit in ((1000, "仟"), (100, "佰"), (10, "拾"), (1, "")):
            digit = n // unit_value % 10
            if digit:
                out += ("零" if zero and out else "") + DIGITS_UPPER[digit] + unit
                zero = False
            else:
                zero = True
        return out

    if number == 0:
        return "零"
    text = ""
    for group_value, unit in ((10**8, "亿"), (10**4, "万"), (1, "")):
        group = number // group_value % 10000
        if group:
            # A gap of a whole group or of leading digits inside one is read as a single 零.
            gap = bool(text) and (group < 1000 or number // group_value // 10000 % 10000 == 0)
            text += ("零" if gap and not text.endswith("零") else "") + below_10000(group) + unit
    return text


def registered_capital(rng: random.Random) -> str:
    """Registered capital as printed, e.g. 人民币伍佰万元整 or 壹仟万元（人民币）."""
    wan = rng.choice((1, 3, 5, 10, 20, 30, 50, 100, 120, 200, 300, 500, 800, 1000, 1500, 2000, 5000, 10000))
    return rng.choice(CAPITAL_FORMATS).format(chinese_amount(wan * 10000))


def org_body(rng: random.Random) -> str:
    """An 8-character organisation-code body: new-style MA... codes, or the older all-digit ones."""
    if rng.random() < 0.7:
        return "MA" + rng.choice("59") + "".join(rng.choice(CREDIT_CHARSET) for _ in range(5))
    return "".join(rng.choice("0123456789") for _ in range(8))


def business_scope(rng: random.Random, industry: str) -> str:
    """A few 一般项目 activities of the company's trade, then the standard closing sentence."""
    acts = list(INDUSTRIES[industry])
    rng.shuffle(acts)
    others = [a for key, values in INDUSTRIES.items() if key != industry for a in values]
    acts = acts[: rng.randint(2, len(acts))] + rng.sample(others, rng.randint(0, 3))
    return "一般项目：" + "；".join(dict.fromkeys(acts)) + "。" + SCOPE_TAIL


def make_company(rng: random.Random) -> Company:
    """A company registered in Guangdong (mostly Huangpu) with a valid credit code and matching type and name."""
    company_type = rng.choice(
        rng.choice(
            (
                ("有限责任公司（自然人投资或控股）", "有限责任公司（自然人独资）", "其他有限责任公司"),
                ("有限责任公司（法人独资）", "有限责任公司（非自然人投资或控股的法人独资）"),
                ("有限责任公司（外商投资、非独资）", "有限责任公司（台港澳法人独资）"),
                ("股份有限公司（非上市、自然人投资或控股）", "股份有限公司（上市、自然人投资或控股）"),
                ("个人独资企业", "普通合伙企业", "有限合伙企业"),
            )
        )
    )
    industry = rng.choice(list(INDUSTRIES))
    brand = rng.choice(BRAND_WORDS) + (rng.choice(BRAND_WORDS) if rng.random() < 0.2 else "")
    if company_type == "个人独资企业":
        name = f"广州市黄埔区{brand}{industry}{rng.choice(SOLE_SUFFIXES)}"
    elif "合伙" in company_type:
        kind = "（有限合伙）" if company_type == "有限合伙企业" else "（普通合伙）"
        name = f"广州{brand}{industry}合伙企业{kind}"
    elif "外商" in company_type or "台港澳" in company_type:
        name = f"{brand}（广州）{industry}有限公司"
    elif company_type.startswith("股份"):
        name = f"广州{brand}{industry}股份有限公司"
    else:
        name = f"广州{brand}{industry}有限公司"
    # Registration category 9 (market regulation) + 1 (enterprise); the registering authority's area code.
    area = rng.choice(("440101", "440112", "440112", "440116", "440101", "440106"))
    established = random_date(rng, date(1995, 1, 1), REFERENCE_DATE - timedelta(days=30))
    if rng.random() < 0.6:
        term = f"{established:%Y年%m月%d日}至长期"
    else:
        end = add_years(established, rng.choice((10, 20, 30, 50))) - timedelta(days=1)
        term = f"{established:%Y年%m月%d日}至{end:%Y年%m月%d日}"
    address, _ = random_address(rng, province=False, huangpu_share=1.0)
    registration = random_date(rng, established, REFERENCE_DATE)
    return Company(
        credit_code=make_credit_code("91", area, org_body(rng)),
        name=name,
        company_type=company_type,
        legal_representative=random_name(rng),
        registered_capital=registered_capital(rng),
        established_date=established,
        business_term=term,
        address=address,
        business_scope=business_scope(rng, industry),
        registration_authority="广州市黄埔区市场监督管理局",
        registration_date=registration,
        extra={"industry": industry, "registration_area": area},
    )

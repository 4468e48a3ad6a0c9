"""Generate the sample catalog source (catalog/source/) from the real district list in ../shared/data.

Run `python -m catalog.sample.generate [SHARED_DATA_DIR]`. The output is committed: it is the readable source
that `kiosk catalog build` validates and compiles, and that an admin replaces with the official catalog.
"""

from __future__ import annotations

import csv
import re
import sys
from collections import Counter
from pathlib import Path

import opencc

from catalog.codes import make_credit_code
from catalog.model import Item
from catalog.sample import rules
from catalog.sample.departments import HOTLINE, departments, huangpu_department
from catalog.sample.extra_items import EXTRA_ITEMS
from catalog.source_files import write_source

TOTAL, SELF_SERVICE, PO_PERSONAL, PO_ENTERPRISE = 1304, 824, 93, 437
AREA = "440112"
SOURCE_DIR = Path(__file__).resolve().parent.parent / "source"
ENGLISH_NAMES = Path(__file__).resolve().parent / "english_names.csv"
_LEVEL_MARK = re.compile(r"[（(](县级行使|县级|县级权限|市级/县级|市、县级|县级以下)[)）]")
# Remarks about the source province's delegation of powers, meaningless in Guangdong.
_SOURCE_REMARK = re.compile(r"[（(][^（）()]*(省政府令|省政府\d+号令|成都)[^（）()]*[)）]")
_TYPE_LETTER = {
    "行政许可": "A",
    "行政确认": "D",
    "行政给付": "G",
    "行政裁决": "E",
    "行政奖励": "F",
    "其他行政权力": "Z",
    "公共服务": "C",
}

SOCIAL_INSURANCE = (
    "社会保险",
    "社保",
    "参保",
    "养老保险",
    "工伤",
    "失业保险",
    "缴费",
    "医疗保险",
    "医保",
    "公积金",
    "社会保障卡",
    "生育",
)
EMPLOYMENT = (
    "就业",
    "创业",
    "招用",
    "用工",
    "见习",
    "培训补贴",
    "以工代训",
    "学徒",
    "稳岗",
    "劳务派遣",
    "劳动",
    "人力资源",
    "职业技能",
)
SETUP = ("设立", "名称", "新办", "刻制", "开户", "开办", "首次办税", "跨境通", "经营许可", "备案")
MANAGEMENT = (
    "变更",
    "注销",
    "年度报告",
    "年报",
    "歇业",
    "发票",
    "纳税",
    "税",
    "延续",
    "补领",
    "换发",
    "档案",
    "异常名录",
    "章程",
)
NOT_AT_TERMINAL = (
    "检查",
    "处罚",
    "强制",
    "裁决",
    "验收",
    "勘察",
    "鉴定",
    "采砂",
    "爆破",
    "征收",
    "监督",
    "对",
    "审查",
    "调解",
    "核查",
    "年检初审",
    "封存",
    "解封",
)


def _clean_name(name: str) -> str:
    name = _SOURCE_REMARK.sub("", _LEVEL_MARK.sub("", name)).strip().replace("四川省", "广东省")
    return name.replace("(", "（").replace(")", "）")


# Real items residents ask for most (hand-rated like the district's own items; usage data replaces this).
POPULAR_REAL: dict[str, int] = {
    "社会保障卡申领": 97,
    "社会保障卡补领、换领、换发": 94,
    "居民身份证办理（包括临时）": 96,
    "居住证办理": 84,
    "中国内地公民婚姻登记": 90,
    "结婚登记预约": 86,
    "普通护照签发": 88,
    "无犯罪记录证明": 90,
    "失业登记": 87,
    "企业职工基本养老保险正常退休申请": 89,
    "生育津贴支付": 88,
    "生育医疗费支付": 84,
    "门诊费用报销": 86,
    "住院费用报销": 85,
    "80周岁以上老年人高龄津贴发放": 82,
    "残疾人证新办": 80,
    "《出生医学证明》首次签发": 84,
    "户口迁移审批": 84,
    "户口登记": 82,
    "养老保险定期待遇领取资格认证": 88,
    "义务教育阶段学生学籍异动办理": 72,
    "犬类准养证核发": 70,
    "开具个人所得税纳税记录": 82,
    "开具税收完税证明": 80,
    "最低生活保障": 78,
    "公司设立登记": 93,
    "个体演员备案": 40,
    "电子社会保障卡签发": 85,
    "社会保障卡启用（激活）": 84,
    "社会保障卡密码修改": 80,
    "社会保障卡解挂": 60,
    "居民身份证挂失申报、丢失招领": 82,
    "居民身份证跨省异地办理": 80,
    "工伤认定申请": 82,
    "劳动能力鉴定申请": 70,
    "职业资格证书核发": 60,
    "就业创业证申领": 84,
    "求职创业补贴申领": 74,
    "灵活就业人员企业职工基本养老保险参保登记": 82,
    "企业职工基本养老保险关系转移接续申请": 86,
    "代开增值税普通发票": 78,
    "发票票种核定": 76,
    "食品(含保健食品)经营许可新办": 86,
    "食品（含保健食品）经营许可新办": 86,
}


def _huangpu_code(source_code: str, dept_credit: str) -> str:
    """The source's implementation code moved to Huangpu: its area code and the department's credit code."""
    code = source_code.replace("511602000000", AREA + "000000")
    code = re.sub(r"-000-[0-9A-Z]{15,20}-", f"-000-{dept_credit}-", code)
    return "44" + code[2:] if code.startswith("51") else code


def _popularity(name: str, item_type: str, themes: tuple[str, ...]) -> int:
    common = {
        "社保",
        "医疗",
        "户籍",
        "住房",
        "婚姻",
        "生育",
        "退休",
        "失业",
        "开办企业",
        "税务",
        "就业",
        "入学",
        "出入境",
        "养老",
    }
    score = 25 + 12 * len(common.intersection(themes)) + rules.stable_int(name, 10)
    if item_type == "公共服务":
        score += 5
    if any(w in name for w in ("审批", "核准", "许可")):
        score -= 5
    return max(5, min(score, 79))  # real items stay below the hand-rated common items (80+)


def _terminal_fit(item: Item) -> int:
    """How well an item suits submission at the terminal (higher is better)."""
    if any(w in item.name for w in NOT_AT_TERMINAL):
        return 0
    base = {"公共服务": 4, "行政确认": 3, "行政给付": 3, "行政许可": 2, "其他行政权力": 1}.get(item.type, 0)
    if item.audience == "personal":
        base += 1
    return base


def _post_office_priority(item: Item) -> int:
    """The district's post-office categories: social insurance, employment, setup, management."""
    name = item.name
    if item.department in ("hp-rsj", "hp-ybj", "hp-gjj") or any(w in name for w in SOCIAL_INSURANCE):
        return 4
    if any(w in name for w in EMPLOYMENT):
        return 4
    if item.department in ("hp-scjg", "hp-swj") or any(w in name for w in SETUP):
        return 3
    if any(w in name for w in MANAGEMENT):
        return 2
    return 1


def _load_english() -> dict[str, str]:
    if not ENGLISH_NAMES.exists():
        return {}
    with ENGLISH_NAMES.open(encoding="utf-8") as fh:
        return {row["name"]: row["name_en"].strip() for row in csv.DictReader(fh) if row["name_en"].strip()}


def _dept_credit_codes() -> dict[str, str]:
    codes = {}
    for dept in departments():
        org_body = f"MB{rules.stable_int(dept.id, 10**6):06d}"
        codes[dept.id] = make_credit_code("11", AREA, org_body)
    return codes


def _draft(
    name: str,
    item_type: str,
    department: str,
    audience: str,
    popularity: int,
    code: str,
    source: str,
    to_hant: opencc.OpenCC,
) -> Item:
    themes = rules.themes_for(name, department)
    legal, promised = rules.time_limits_for(name, item_type)
    charged, standard = rules.fee_for(name)
    return Item(
        id="",
        code=code,
        name=name,
        type=item_type,
        department=department,
        audience=audience,
        themes=themes,
        channels=(),
        legal_days=legal,
        promised_days=min(promised, legal) if legal else 0,
        fee_charged=charged,
        fee_standard=standard,
        materials=rules.materials_for(name, audience, item_type),
        steps=(),
        where="",
        phone=HOTLINE,
        legal_basis=rules.legal_basis_for(name, item_type),
        keywords=rules.keywords_for(name, themes),
        synonyms=rules.synonyms_for(name),
        name_hant=to_hant.convert(name),
        popularity=popularity,
        source=source,
    )


def draft_items(shared_data: Path) -> list[Item]:
    """All 1,304 items before channels are assigned: the real list plus the district's own items."""
    to_hant = opencc.OpenCC("s2hk")
    credit = _dept_credit_codes()
    items: list[Item] = []
    seen: set[tuple[str, str]] = set()
    with (shared_data / "catalog" / "real_items_sichuan_guangan.csv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            name = _clean_name(row["item_name"])
            department = huangpu_department(row["department"], name)
            if (name, department) in seen:
                continue  # the source list repeats a few items under one department
            seen.add((name, department))
            code = _huangpu_code(row["item_code"], credit[department])
            themes = rules.themes_for(name, department)
            popularity = POPULAR_REAL.get(name) or _popularity(name, row["item_type"], themes)
            items.append(
                _draft(
                    name,
                    row["item_type"],
                    department,
                    rules.audience_for(name),
                    popularity,
                    code,
                    f"real:{row['region']}:{row['item_code']}",
                    to_hant,
                )
            )
    names = {item.name for item in items}
    for seq, (name, slug, item_type, audience, popularity, origin) in enumerate(EXTRA_ITEMS, start=1):
        if len(items) == TOTAL:
            break
        if name in names:
            continue
        department = f"hp-{slug}"
        code = f"44{_TYPE_LETTER[item_type]}9{seq:07d}-{AREA}000000-000-{credit[department]}-1-00"
        items.append(_draft(name, item_type, department, audience, popularity, code, origin, to_hant))
        names.add(name)
    if len(items) != TOTAL:
        raise SystemExit(f"sample catalog has {len(items)} items, expected {TOTAL}: add extra items")
    return items


def assign_channels(items: list[Item]) -> list[Item]:
    """Choose self-service and post-office items by what a terminal and a window can handle."""
    by_fit = sorted(items, key=lambda i: (-_terminal_fit(i), -i.popularity, i.code))
    self_service = {i.code for i in by_fit[:SELF_SERVICE]}
    if _terminal_fit(by_fit[SELF_SERVICE - 1]) == 0:
        raise SystemExit("not enough items suit the terminal")
    post_office: set[str] = set()
    for audience, quota in (("enterprise", PO_ENTERPRISE), ("personal", PO_PERSONAL)):
        pool = [i for i in items if i.audience == audience and _terminal_fit(i) > 0]
        pool.sort(key=lambda i: (-_post_office_priority(i), -i.popularity, i.code))
        if len(pool) < quota:
            raise SystemExit(f"only {len(pool)} {audience} items for {quota} post-office places")
        post_office.update(i.code for i in pool[:quota])
    english = _load_english()
    depts = {d.id: d for d in departments()}
    result = []
    for n, item in enumerate(sorted(items, key=lambda i: (i.department, i.code)), start=1):
        at_terminal, at_post = item.code in self_service, item.code in post_office
        channels = ["centre_window"]
        if item.type != "其他行政权力" or at_terminal:
            channels.append("online")
        if at_terminal:
            channels.append("self_service")
        if at_post:
            channels += ["post_office", "door_pickup"]
        where = depts[item.department].hall
        if at_post:
            where += "；各邮政政务服务网点（黄埔区10个邮政网点，周末照常办理）"
        result.append(
            Item(
                **{
                    **item.__dict__,
                    "id": f"hp-{n:05d}",
                    "channels": tuple(channels),
                    "where": where,
                    "steps": rules.steps_for(item.type, at_terminal, at_post),
                    "form": rules.form_for(item.name, item.audience) if at_terminal else (),
                    "name_en": english.get(item.name, ""),
                }
            )
        )
    return result


SAMPLE_NOTE = (
    "Sample data: built on a real district's service-item list (四川省广安市广安区, 1,135 items) mapped to "
    "Huangpu's departments, plus items the district names itself and common Guangdong items. "
    "It serves until an admin publishes the official catalog."
)


def generate_source(shared_data: Path, target: Path) -> list[Item]:
    """Write a complete sample source tree to `target`; the same inputs always give the same files."""
    items = assign_channels(draft_items(shared_data))
    write_source(target, departments(), items, version="2026.11.26", note=SAMPLE_NOTE)
    return items


def main(argv: list[str] | None = None) -> int:
    """Write catalog/source/ (or --out DIR) from the shared data directory."""
    args = sys.argv[1:] if argv is None else list(argv)
    target = SOURCE_DIR
    if "--out" in args:
        at = args.index("--out")
        target = Path(args[at + 1])
        del args[at : at + 2]
    shared = Path(args[0]) if args else Path(__file__).resolve().parents[3] / "shared" / "data"
    items = generate_source(shared, target)
    counts = Counter(i.audience for i in items)
    print(f"wrote {len(items)} items to {target} ({dict(counts)})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""A large generated catalog for scale benchmarks: the sample items repeated across Guangdong's districts."""

from __future__ import annotations

import hashlib
from dataclasses import replace
from pathlib import Path

from catalog.build import source_digest
from catalog.bundle import build_bundle
from catalog.validate import validate_source

# Districts of Guangdong's Pearl River Delta cities: a province-wide catalog lists each district's own copy.
DISTRICTS = [
    "越秀区",
    "海珠区",
    "荔湾区",
    "天河区",
    "白云区",
    "番禺区",
    "花都区",
    "南沙区",
    "从化区",
    "增城区",
    "福田区",
    "罗湖区",
    "南山区",
    "盐田区",
    "宝安区",
    "龙岗区",
    "龙华区",
    "坪山区",
    "光明区",
    "禅城区",
    "南海区",
    "顺德区",
    "三水区",
    "高明区",
    "香洲区",
    "斗门区",
    "金湾区",
    "莞城街道",
    "南城街道",
    "东城街道",
    "万江街道",
    "石龙镇",
    "虎门镇",
    "长安镇",
    "惠城区",
    "惠阳区",
    "博罗县",
    "惠东县",
    "蓬江区",
    "江海区",
    "新会区",
    "台山市",
    "开平市",
    "鹤山市",
    "恩平市",
    "端州区",
    "鼎湖区",
    "高要区",
    "四会市",
    "石岐街道",
    "东区街道",
    "西区街道",
    "南区街道",
    "火炬开发区",
    "小榄镇",
    "古镇镇",
    "清城区",
    "清新区",
    "英德市",
    "连州市",
    "榕城区",
    "揭东区",
    "金平区",
    "龙湖区",
    "濠江区",
    "潮阳区",
    "澄海区",
    "赤坎区",
    "霞山区",
    "麻章区",
    "茂南区",
    "电白区",
    "浈江区",
    "武江区",
    "曲江区",
    "梅江区",
    "梅县区",
    "兴宁市",
]


def build_synthetic_bundle(source: Path, size: int, cache_dir: Path) -> Path:
    """A bundle of `size` items made from `source`, cached by source digest and size."""
    key = hashlib.sha256(f"{source_digest(source)}:{size}:{len(DISTRICTS)}".encode()).hexdigest()[:16]
    out = cache_dir / f"synthetic-{size}-{key}.sqlite"
    if out.exists():
        return out
    validated = validate_source(source)
    base = validated.items
    items = []
    for copy, district in enumerate(DISTRICTS):
        for item in base:
            if len(items) == size:
                break
            n = len(items) + 1
            items.append(
                replace(
                    item,
                    id=f"gd-{n:06d}",
                    code=f"{item.code}-{copy:02d}",
                    name=f"{item.name}（{district}）",
                    name_hant="",
                    popularity=item.popularity,
                )
            )
    if len(items) < size:
        raise ValueError(f"only {len(items)} synthetic items; add districts for {size}")
    build_bundle(validated.version, "synthetic benchmark catalog", validated.departments, items, out)
    return out

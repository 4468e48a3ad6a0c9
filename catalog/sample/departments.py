"""Huangpu's departments and how the source list's departments map onto them."""

from __future__ import annotations

from catalog.model import Department

CENTRE_HALL = "黄埔区政务服务中心（广州市黄埔区香雪大道中85号）"
HOTLINE = "12345（广州12345政务服务便民热线）"
SOURCE_2020 = "huangpu_departments_2020.csv"
SOURCE_USUAL = "usual district bureau"

# (id, full name, short name, hall area, source)
_DEPARTMENTS: tuple[tuple[str, str, str, str, str], ...] = (
    ("rsj", "广州市黄埔区人力资源和社会保障局", "区人社局", "社会保障综合窗口", SOURCE_USUAL),
    ("scjg", "广州市黄埔区市场监督管理局", "区市场监管局", "商事登记窗口", SOURCE_USUAL),
    ("ybj", "广州市黄埔区医疗保障局", "区医保局", "医疗保障窗口", SOURCE_USUAL),
    ("swj", "国家税务总局广州市黄埔区税务局", "区税务局", "办税服务厅", SOURCE_USUAL),
    ("gaj", "广州市公安局黄埔区分局", "黄埔公安分局", "公安综合窗口", SOURCE_USUAL),
    ("mzj", "广州市黄埔区民政局", "区民政局", "民政窗口", SOURCE_USUAL),
    ("wjj", "广州市黄埔区卫生健康局", "区卫健局", "卫生健康窗口", SOURCE_2020),
    ("jyj", "广州市黄埔区教育局", "区教育局", "教育窗口", SOURCE_USUAL),
    ("jtj", "广州市黄埔区交通运输局", "区交通运输局", "交通运输窗口", SOURCE_USUAL),
    ("zjj", "广州市黄埔区住房和城乡建设局", "区住建局", "住房建设窗口", SOURCE_2020),
    ("ghzy", "广州市规划和自然资源局黄埔区分局", "区规划和自然资源分局", "规划和不动产窗口", SOURCE_USUAL),
    ("wglj", "广州市黄埔区文化广电旅游局", "区文广旅局", "文化旅游窗口", SOURCE_USUAL),
    ("nync", "广州市黄埔区农业农村局", "区农业农村局", "农业农村窗口", SOURCE_USUAL),
    ("sfj", "广州市黄埔区司法局", "区司法局", "公共法律服务窗口", SOURCE_USUAL),
    ("sthj", "广州市生态环境局黄埔分局", "黄埔生态环境分局", "生态环境窗口", SOURCE_USUAL),
    ("slj", "广州市黄埔区水务局", "区水务局", "水务窗口", SOURCE_USUAL),
    ("yjj", "广州市黄埔区应急管理局", "区应急管理局", "应急管理窗口", SOURCE_USUAL),
    ("cl", "广州市黄埔区残疾人联合会", "区残联", "残疾人服务窗口", SOURCE_USUAL),
    ("tyjr", "广州市黄埔区退役军人事务局", "区退役军人事务局", "退役军人服务窗口", SOURCE_USUAL),
    ("czj", "广州市黄埔区财政局", "区财政局", "财政窗口", SOURCE_USUAL),
    ("fgj", "广州市黄埔区发展和改革局", "区发展改革局", "投资项目窗口", SOURCE_USUAL),
    ("gxj", "广州市黄埔区工业和信息化局", "区工信局", "工业和信息化窗口", SOURCE_2020),
    ("kjj", "广州市黄埔区科学技术局", "区科技局", "科技窗口", SOURCE_2020),
    ("swuj", "广州市黄埔区商务局（广州开发区商务局）", "区商务局", "商务窗口", SOURCE_2020),
    ("cgj", "广州市黄埔区城市管理和综合执法局", "区城管执法局", "城市管理窗口", SOURCE_2020),
    ("zwzx", "广州开发区行政服务管理中心 广州市黄埔区政务服务中心", "区政务服务中心", "综合受理窗口", SOURCE_2020),
    (
        "rcz",
        "广州市黄埔区人才交流服务中心、广州开发区人才交流服务中心",
        "区人才交流服务中心",
        "人才服务窗口",
        SOURCE_2020,
    ),
    ("jzz", "广州市黄埔区建设工程质量安全监督站", "区建设工程质安站", "建设工程窗口", SOURCE_2020),
    ("fdc", "广州开发区房地产管理所", "开发区房地产管理所", "房地产窗口", SOURCE_2020),
    ("jrj", "广州开发区金融工作局", "开发区金融工作局", "金融服务窗口", SOURCE_2020),
    ("yshj", "广州开发区营商环境改革局", "开发区营商环境改革局", "营商环境窗口", SOURCE_2020),
    (
        "bgs",
        "中共广州市黄埔区委办公室、中共广州开发区工作委员会办公室、广州开发区管委会办公室",
        "区委办",
        "综合受理窗口",
        SOURCE_2020,
    ),
    ("xfj", "广州市黄埔区信访局", "区信访局", "信访接待窗口", SOURCE_2020),
    ("tjd", "广州市黄埔区统计调查队", "区统计调查队", "统计窗口", SOURCE_2020),
    ("xmzf", "广州市黄埔区农畜牧业管理综合执法大队", "区农畜牧业执法大队", "农业农村窗口", SOURCE_2020),
    ("ycj", "广州市烟草专卖局黄埔区分局", "黄埔烟草专卖分局", "烟草专卖窗口", SOURCE_USUAL),
    ("qxj", "广州市黄埔区气象局", "区气象局", "气象窗口", SOURCE_USUAL),
    ("xfdd", "广州市黄埔区消防救援大队", "区消防救援大队", "消防窗口", SOURCE_USUAL),
    ("tzb", "中共广州市黄埔区委统一战线工作部", "区委统战部", "综合受理窗口", SOURCE_USUAL),
    ("gjj", "广州住房公积金管理中心黄埔办事处", "公积金黄埔办事处", "住房公积金窗口", SOURCE_USUAL),
)


def departments() -> list[Department]:
    """All departments of the sample catalog."""
    return [
        Department(
            id=f"hp-{slug}", name=name, short_name=short, hall=f"{CENTRE_HALL}{hall}", phone=HOTLINE, source=source
        )
        for slug, name, short, hall, source in _DEPARTMENTS
    ]


# The source district's department -> Huangpu department slug.
SOURCE_DEPARTMENT_MAP: dict[str, str] = {
    "区人社局": "rsj",
    "区交通运输局": "jtj",
    "广安区税务局": "swj",
    "区住建局": "zjj",
    "区自然资源和规划局": "ghzy",
    "区公安分局": "gaj",
    "区医疗保障局": "ybj",
    "区文广旅局": "wglj",
    "区教科体局": "jyj",
    "区农业农村局": "nync",
    "区司法局": "sfj",
    "区卫健局": "wjj",
    "区民政局": "mzj",
    "区市监局": "scjg",
    "区林业局": "nync",
    "区生态环境局": "sthj",
    "区残联": "cl",
    "区水务局": "slj",
    "区应急管理局": "yjj",
    "区政府办": "bgs",
    "区烟草专卖局": "ycj",
    "区气象局": "qxj",
    "区退役军人事务局": "tyjr",
    "区财政局": "czj",
    "区委办": "bgs",
    "区综合执法局": "cgj",
    "区发改局": "fgj",
    "区公管办": "zwzx",
    "区商务局": "swuj",
    "区委统战部": "tzb",
    "区经信局": "gxj",
    "区消防大队": "xfdd",
    "区统计局": "tjd",
}

# The source district's approval bureau (行政审批局) bundles other bureaus' items; Huangpu keeps them with
# the bureau that owns the subject. First matching keyword wins.
APPROVAL_BUREAU_KEYWORDS: tuple[tuple[tuple[str, ...], str], ...] = (
    (("民族成份",), "gaj"),
    (
        (
            "食品",
            "药品",
            "医疗器械",
            "化妆品",
            "个体工商户",
            "公司",
            "企业",
            "合伙",
            "农民专业合作社",
            "分支机构",
            "股权",
            "商标",
            "计量",
            "特种设备",
            "广告",
        ),
        "scjg",
    ),
    (
        (
            "演出",
            "文艺",
            "娱乐",
            "网吧",
            "上网服务",
            "旅行社",
            "文物",
            "出版",
            "印刷",
            "广播",
            "电视",
            "卫星",
            "艺术",
            "体育",
            "游泳",
            "文旅",
            "音像",
            "电影",
        ),
        "wglj",
    ),
    (("学校", "幼儿园", "教育", "培训机构", "教师", "办学"), "jyj"),
    (("医疗", "医师", "母婴", "护士", "诊所", "卫生", "放射", "职业病", "血", "饮用水", "消毒"), "wjj"),
    (("拖拉机", "联合收割机", "农药", "兽药", "种子", "动物", "植物", "渔", "农作物", "畜", "草", "林"), "nync"),
    (("道路", "运输", "客运", "货运", "出租", "驾驶员培训", "车辆", "公路", "港口", "航道"), "jtj"),
    (("建设", "建筑", "施工", "燃气", "物业", "房地产", "园林", "绿地", "市政"), "zjj"),
    (("取水", "河道", "水土", "水利", "排水", "供水", "水域"), "slj"),
    (("社会团体", "民办非企业", "社会组织", "养老", "殡葬", "慈善"), "mzj"),
    (("危险化学品", "烟花爆竹", "安全生产", "非煤矿山"), "yjj"),
    (("律师", "公证", "法律", "司法"), "sfj"),
    (("劳务派遣", "人力资源服务", "职业技能", "劳动"), "rsj"),
    (("环境", "排污", "辐射"), "sthj"),
    (("规划", "用地", "土地", "测绘", "地名"), "ghzy"),
)


def huangpu_department(source_department: str, item_name: str) -> str:
    """The Huangpu department id for an item of the source list."""
    if source_department == "区行政审批局":
        for keywords, slug in APPROVAL_BUREAU_KEYWORDS:
            if any(k in item_name for k in keywords):
                return f"hp-{slug}"
        return "hp-zwzx"
    if source_department == "区人社局" and any(k in item_name for k in ("人事档案", "人才", "档案")):
        return "hp-rcz"
    slug = SOURCE_DEPARTMENT_MAP.get(source_department)
    if slug is None:
        raise KeyError(f"no Huangpu department for source department {source_department!r}")
    return f"hp-{slug}"

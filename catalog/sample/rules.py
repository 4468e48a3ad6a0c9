"""Rules that fill an item's fields plausibly from its name, type and department."""

from __future__ import annotations

import hashlib

from catalog.model import FormField, Material

ENTERPRISE_WORDS = (
    "企业",
    "公司",
    "单位",
    "经营",
    "生产",
    "机构",
    "法人",
    "合作社",
    "个体工商户",
    "项目",
    "工程",
    "施工",
    "运输",
    "客运",
    "货运",
    "排污",
    "采矿",
    "探矿",
    "用地",
    "网吧",
    "上网服务",
    "演出场所",
    "娱乐场所",
    "广告",
    "出版",
    "印刷",
    "烟草",
    "化学品",
    "爆",
    "特种设备",
    "养殖",
    "种子",
    "兽药",
    "饲料",
    "农药",
    "纳税人",
    "发票",
    "旅行社",
    "学校",
    "幼儿园",
    "医疗机构",
    "诊所",
    "药店",
    "站",
    "社会团体",
    "民办非企业",
    "社会组织",
    "商标",
    "招投标",
    "批发",
    "零售",
    "许可证",
    "雇主",
    "劳务派遣",
    "用人",
)
PERSONAL_WORDS = (
    "个人",
    "居民",
    "公民",
    "学生",
    "儿童",
    "老年",
    "长者",
    "高龄",
    "残疾",
    "婚",
    "户口",
    "身份证",
    "出生",
    "死亡",
    "退休",
    "失业",
    "就业困难",
    "困难",
    "低保",
    "最低生活保障",
    "救助",
    "优抚",
    "退役",
    "军人",
    "驾驶证",
    "教师资格",
    "职称",
    "收养",
    "独生子女",
    "计划生育",
    "生育",
    "献血",
    "殡葬",
    "居住证",
    "通行证",
    "护照",
    "签注",
    "社会保障卡",
    "灵活就业",
    "供养",
    "遗属",
    "烈士",
    "伤残",
    "家庭",
    "入学",
    "助学",
    "农户",
    "孤儿",
    "参保人",
    "职工个人",
    "个体演员",
    "无犯罪",
    "亲属",
    "公积金",
)

THEME_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("生育", ("生育", "出生", "母婴", "计划生育", "独生子女", "孕", "新生儿", "预防接种")),
    ("入学", ("入学", "学生", "助学", "招生", "学籍", "幼儿园", "义务教育")),
    ("就业", ("就业", "招聘", "职业", "技能", "创业", "见习", "以工代训", "学徒", "用工", "招用", "人才")),
    ("失业", ("失业",)),
    ("退休", ("退休", "养老金", "待遇领取", "离休", "视同缴费")),
    ("社保", ("社会保险", "社保", "养老保险", "工伤", "参保", "社会保障卡", "缴费", "稳岗")),
    ("医疗", ("医疗", "医保", "医师", "医院", "诊所", "门诊", "就医", "护理保险", "健康")),
    ("婚姻", ("婚姻", "结婚", "离婚", "收养", "婚前")),
    ("住房", ("住房", "公积金", "房屋", "不动产", "物业", "房地产", "租赁", "商品房", "无房", "公寓", "危房")),
    ("户籍", ("户口", "户籍", "身份证", "居住证", "居住登记", "民族成份", "入户", "身份证明")),
    ("出入境", ("出入境", "护照", "通行证", "签注", "外国人")),
    ("养老", ("养老", "老年", "高龄", "长者", "居家")),
    ("残疾人", ("残疾",)),
    ("社会救助", ("低保", "最低生活保障", "救助", "特困", "困难", "扶助", "孤儿")),
    ("退役军人", ("退役", "军人", "优抚", "烈士", "伤残军人", "复员")),
    ("殡葬", ("殡葬", "死亡", "丧葬", "墓", "遗属", "抚恤")),
    ("开办企业", ("设立", "开办", "名称", "新办", "刻制", "开户", "首次办税")),
    ("企业变更", ("变更",)),
    ("企业注销", ("注销", "歇业", "清税")),
    ("税务", ("税", "发票", "纳税")),
    (
        "交通出行",
        ("机动车", "驾驶", "道路", "客运", "货运", "出租", "车辆", "公路", "船", "港口", "拖拉机", "收割机", "交通"),
    ),
    ("建设工程", ("建设", "工程", "施工", "规划", "用地", "建筑", "竣工", "勘察", "设计")),
    ("食品药品", ("食品", "药品", "保健食品", "餐饮", "医疗器械", "化妆品")),
    (
        "文化旅游",
        ("文化", "演出", "娱乐", "旅游", "旅行社", "出版", "广播", "电视", "网吧", "文物", "体育", "艺术", "电影"),
    ),
    ("农业农村", ("农", "林", "渔", "兽", "畜", "种子", "动物", "植物", "采伐", "草", "水产")),
    ("环境保护", ("环境", "排污", "环评", "辐射", "废", "噪声")),
    ("安全生产", ("安全", "危险", "化学品", "烟花", "爆破", "消防", "特种设备", "应急")),
    ("科技创新", ("专利", "科技", "高新", "技术", "知识产权")),
    ("法律服务", ("公证", "法律", "律师", "司法", "调解", "仲裁")),
    ("粤港澳大湾区", ("港澳", "大湾区", "跨境", "台湾", "台胞")),
    ("民政事务", ("社会团体", "社会组织", "民办非企业", "慈善", "地名", "志愿")),
)

# Words residents use for what the official name says (name fragment -> colloquial words).
SYNONYM_RULES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("社会保障卡", ("社保卡",)),
    ("社会保险", ("社保",)),
    ("基本医疗保险", ("医保",)),
    ("医疗保险", ("医保",)),
    ("医疗保障", ("医保",)),
    ("医保电子凭证", ("医保码", "电子医保卡")),
    ("失业保险金", ("失业金", "失业救济金")),
    ("失业保险稳岗返还", ("稳岗补贴", "稳岗返还")),
    ("稳岗补贴", ("稳岗返还",)),
    ("失业登记", ("失业证",)),
    ("企业设立登记", ("开公司", "注册公司", "办营业执照")),
    ("公司设立登记", ("开公司", "注册公司")),
    ("企业开办", ("开公司", "注册公司")),
    ("个体工商户设立", ("开店", "个体户", "办个体执照")),
    ("个体工商户", ("个体户",)),
    ("营业执照", ("执照", "营业证")),
    ("住房公积金", ("公积金",)),
    ("提取住房公积金", ("取公积金", "公积金提取")),
    ("居住证", ("暂住证", "居住证明")),
    ("居民身份证", ("身份证",)),
    ("结婚登记", ("领证", "结婚证", "登记结婚")),
    ("婚姻登记", ("结婚证", "领证")),
    ("离婚", ("离婚证",)),
    ("出生医学证明", ("出生证",)),
    ("出生登记", ("上户口", "新生儿落户", "报户口")),
    ("户口迁", ("迁户口", "落户")),
    ("入户", ("落户", "迁户口")),
    ("机动车驾驶证", ("驾照", "驾驶执照")),
    ("驾驶证", ("驾照",)),
    ("基本养老金", ("退休金", "养老金")),
    ("正常退休", ("办退休", "退休金")),
    ("养老保险", ("养老金",)),
    ("最低生活保障", ("低保",)),
    ("残疾人证", ("残疾证",)),
    ("往来港澳通行证", ("港澳通行证", "回港证", "港澳签注", "去香港", "去澳门")),
    ("往来台湾通行证", ("台胞通行证", "去台湾")),
    ("普通护照", ("护照", "出国")),
    ("无犯罪记录证明", ("无犯罪证明", "良民证")),
    ("增值税", ("发票",)),
    ("发票", ("开票",)),
    ("纳税", ("报税", "交税")),
    ("个人所得税", ("个税",)),
    ("食品经营许可", ("开餐馆", "餐饮许可", "食品许可证")),
    ("小餐饮", ("开餐馆", "小吃店")),
    ("生育津贴", ("产假工资", "生育保险")),
    ("生育医疗费", ("生孩子报销", "生育报销")),
    ("异地就医", ("外地看病", "异地医保")),
    ("参保证明", ("社保证明", "社保缴费证明")),
    ("权益记录", ("社保清单", "社保缴费记录")),
    ("缴费记录合并", ("社保合并", "合并社保")),
    ("工伤认定", ("工伤",)),
    ("不动产", ("房产证", "房本")),
    ("不动产登记资料查询", ("查房产", "房产查询")),
    ("无房证明", ("无房",)),
    ("公共租赁住房", ("公租房", "廉租房")),
    ("高龄老人", ("老人金", "长寿金")),
    ("老年人优待证", ("长者卡", "老人卡", "敬老卡")),
    ("长者饭堂", ("老人饭堂", "助餐")),
    ("人才绿卡", ("绿卡",)),
    ("健康检查", ("健康证",)),
    ("积分入学", ("积分入学", "读书", "上学")),
    ("入学", ("上学", "读书")),
    ("刻制公章", ("刻章",)),
    ("年度报告", ("年报",)),
    ("注销登记", ("关公司", "注销公司")),
    ("简易注销", ("关公司",)),
    ("创业担保贷款", ("创业贷款", "贴息贷款")),
    ("创业资助", ("创业补贴",)),
    ("就业困难人员", ("就业困难",)),
    ("人事档案", ("档案",)),
    ("港澳", ("香港", "澳门")),
    ("跨境通", ("港资公司", "澳资公司")),
    ("预防接种", ("疫苗本", "打疫苗")),
    ("交通违法", ("违章", "罚单")),
    ("检验合格标志", ("年检", "验车")),
    ("民族成份", ("民族",)),
    ("临时救助", ("救急",)),
    ("待遇领取资格认证", ("生存认证", "养老金认证", "年审")),
    ("资格认证", ("认证",)),
    ("犬", ("狗证", "养狗", "办狗证")),
    ("学籍异动", ("转学", "休学", "复学")),
    ("存量房买卖", ("二手房过户", "房产过户", "卖房")),
    ("转移登记", ("过户",)),
    ("综合所得年度汇算", ("个税退税", "退税", "个税汇算")),
    ("纳税记录", ("个税证明", "纳税证明")),
    ("完税证明", ("交税证明", "纳税证明")),
    ("费用报销", ("看病报销", "医药费报销")),
    ("零星）报销", ("看病报销", "垫付报销")),
    ("来往内地通行证", ("回乡证", "回鄉證")),
    ("高龄", ("老人补贴", "高龄补贴", "老人金")),
    ("居家养老", ("上门照顾", "养老服务", "护工补贴")),
    ("丧葬", ("丧葬费", "死亡待遇")),
    ("抚恤金", ("抚恤",)),
    ("工伤认定", ("工伤申报", "上班受伤")),
    ("劳动能力鉴定", ("伤残鉴定",)),
    ("生育医疗费", ("生孩子报销", "产检报销")),
    ("门诊慢特病", ("慢性病", "特殊病")),
    ("门诊特定病种", ("慢性病", "特殊病", "特病")),
    ("就业创业证", ("就业证", "失业证")),
    ("求职创业补贴", ("求职补贴",)),
    ("关系转移接续", ("社保转移", "转社保")),
    ("挂失", ("丢了", "遗失")),
    ("遗失补", ("丢了", "补办")),
    ("补领", ("补办",)),
    ("换领", ("换证",)),
    ("期满换证", ("到期换证", "换驾照")),
    ("签注", ("续签",)),
    ("密码", ("改密码", "忘记密码")),
    ("启用", ("激活", "开通")),
    ("普通护照", ("办护照", "出国护照")),
    ("学前教育", ("幼儿园",)),
    ("代开增值税", ("代开发票",)),
    ("灵活就业人员", ("自由职业", "个人交社保")),
    # Words of Hong Kong and Macau residents and of Guangdong daily speech.
    ("高龄", ("生果金", "老人津贴")),
    ("老年人", ("长者",)),
    ("不动产登记资料查询", ("查册", "物业查册", "查名下房产")),
    ("不动产权证书", ("房产证", "红本", "房本")),
    ("往来台湾通行证", ("大通证", "入台证")),
    ("往来港澳通行证", ("双程证", "港澳证")),
    ("计划生育服务登记", ("准生证", "生育服务证", "生育登记")),
    ("健康检查", ("上岗体检", "入职体检", "健康证体检")),
    ("房屋租赁登记备案", ("租房合同备案", "租赁备案", "房屋出租登记", "租房备案")),
    ("户口簿", ("户口本",)),
    ("户口注销", ("销户口", "销户", "去世销户")),
    ("养老金发放", ("养老金到账", "退休金明细", "养老金明细")),
    ("辅助器具", ("轮椅", "助听器", "拐杖", "假肢")),
    ("住院费用", ("住院报销", "出院报销")),
    ("婚姻登记记录证明", ("单身证明", "婚姻状况证明", "未婚证明")),
    ("公证", ("公证书", "办公证")),
    ("法律援助", ("打官司没钱", "免费法律咨询")),
    ("营业执照", ("商业登记", "牌照")),
    ("驾驶证", ("车牌",)),
    ("最低生活保障", ("综援", "救济金")),
    ("失业保险金", ("失业补助",)),
    ("存量房", ("二手房",)),
    ("食品经营许可", ("开餐厅", "开饭店")),
    ("工伤", ("上班受伤", "工作受伤")),
    ("生育津贴", ("生育金",)),
    ("异地就医", ("回老家看病",)),
    ("丧葬", ("去世", "过世")),
    ("抚恤", ("去世", "过世")),
    ("普通护照", ("出国",)),
    ("人才引进", ("人才入户", "调户口")),
    ("公共租赁住房", ("公屋",)),
    ("人才公寓", ("人才房",)),
    ("特困人员", ("五保户",)),
    ("临时救助", ("急难救助",)),
    ("义务教育", ("学位", "报名读书")),
    ("医疗保险", ("医疗卡",)),
    ("法律援助", ("免费律师",)),
)

LEGAL_BASIS_RULES: tuple[tuple[tuple[str, ...], str], ...] = (
    (("社会保险", "社保", "参保", "养老保险", "工伤", "失业保险", "缴费"), "《中华人民共和国社会保险法》"),
    (("就业", "创业", "招用", "见习", "失业登记"), "《中华人民共和国就业促进法》"),
    (("劳动", "用工", "劳务派遣", "裁员", "集体合同"), "《中华人民共和国劳动合同法》"),
    (("医疗保险", "医保", "就医", "门诊特定"), "《医疗保障基金使用监督管理条例》"),
    (("公积金",), "《住房公积金管理条例》"),
    (("企业", "公司", "个体工商户", "市场主体", "营业执照"), "《中华人民共和国市场主体登记管理条例》"),
    (("食品", "餐饮"), "《中华人民共和国食品安全法》"),
    (("药品",), "《中华人民共和国药品管理法》"),
    (("户口", "出生登记", "入户"), "《中华人民共和国户口登记条例》"),
    (("身份证",), "《中华人民共和国居民身份证法》"),
    (("居住证", "居住登记"), "《居住证暂行条例》；《广东省居住证办法》"),
    (("通行证", "护照", "签注"), "《中国公民因私事往来香港地区或者澳门地区的暂行管理办法》"),
    (("驾驶", "机动车", "交通违法"), "《中华人民共和国道路交通安全法》"),
    (("税", "发票"), "《中华人民共和国税收征收管理法》"),
    (("婚",), "《婚姻登记条例》"),
    (("低保", "最低生活保障", "救助", "特困"), "《社会救助暂行办法》"),
    (("残疾",), "《中华人民共和国残疾人保障法》"),
    (("退役", "军人", "优抚", "烈士"), "《中华人民共和国退役军人保障法》"),
    (("老年", "高龄", "长者", "养老"), "《中华人民共和国老年人权益保障法》"),
    (("道路", "客运", "货运", "运输"), "《中华人民共和国道路运输条例》"),
    (("建设", "建筑", "施工", "工程"), "《中华人民共和国建筑法》"),
    (("规划", "用地", "土地", "不动产"), "《不动产登记暂行条例》"),
    (("医疗机构", "医师", "诊所", "母婴", "护士"), "《医疗机构管理条例》"),
    (("学校", "幼儿园", "教育", "入学", "学生"), "《中华人民共和国教育法》"),
    (("演出",), "《营业性演出管理条例》"),
    (("娱乐", "网吧", "上网服务"), "《娱乐场所管理条例》"),
    (("林", "采伐"), "《中华人民共和国森林法》"),
    (("农", "种子", "兽", "动物", "畜", "渔"), "《中华人民共和国农业法》"),
    (("环境", "排污", "辐射"), "《中华人民共和国环境保护法》"),
    (("水", "河道"), "《中华人民共和国水法》"),
    (("安全", "危险", "化学品", "烟花"), "《中华人民共和国安全生产法》"),
    (("烟草",), "《中华人民共和国烟草专卖法》"),
    (("气象", "气球", "防雷"), "《中华人民共和国气象法》"),
    (("公证",), "《中华人民共和国公证法》"),
    (("法律援助",), "《中华人民共和国法律援助法》"),
)

TYPE_LAW = {
    "行政许可": "《中华人民共和国行政许可法》",
    "行政确认": "《广东省行政许可监督管理条例》",
    "行政给付": "《广东省社会救助条例》",
    "行政裁决": "《中华人民共和国行政复议法》",
    "行政奖励": "《广东省实施〈中华人民共和国行政许可法〉若干规定》",
    "其他行政权力": "《广东省政务服务数据管理办法》",
    "公共服务": "《广东省政务服务数据管理办法》",
}


def stable_int(text: str, modulo: int) -> int:
    """A deterministic pseudo-random integer in [0, modulo) derived from `text`."""
    return int.from_bytes(hashlib.sha256(text.encode()).digest()[:4], "big") % modulo


def audience_for(name: str) -> str:
    """Who an item serves, judged from its name."""
    enterprise = any(w in name for w in ENTERPRISE_WORDS)
    personal = any(w in name for w in PERSONAL_WORDS)
    if enterprise and not personal:
        return "enterprise"
    if personal and not enterprise:
        return "personal"
    if personal and enterprise:
        # "个人" or an explicit person word at the start wins over a generic enterprise word later on.
        first_p = min(name.find(w) for w in PERSONAL_WORDS if w in name)
        first_e = min(name.find(w) for w in ENTERPRISE_WORDS if w in name)
        return "personal" if first_p < first_e else "enterprise"
    return "both"


def themes_for(name: str, department: str) -> tuple[str, ...]:
    """The life-event themes an item belongs to (at most three)."""
    themes = [theme for theme, words in THEME_RULES if any(w in name for w in words)]
    if department == "hp-gjj" and "住房" not in themes:
        themes.append("住房")
    if not themes:
        themes.append("综合服务")
    return tuple(themes[:3])


_ACTION_SUFFIXES = (
    "申领",
    "申请",
    "登记",
    "办理",
    "审批",
    "核准",
    "许可",
    "备案",
    "认定",
    "核发",
    "查询",
    "打印",
    "变更",
    "注销",
    "补领",
    "换领",
    "签发",
    "证明",
    "开具",
    "缴纳",
    "激活",
    "认证",
)


def keywords_for(name: str, themes: tuple[str, ...]) -> tuple[str, ...]:
    """Search keywords: the item's subject without its action word, and its themes."""
    core = name.split("（")[0]
    for _ in range(2):
        for suffix in _ACTION_SUFFIXES:
            if core.endswith(suffix) and len(core) > len(suffix) + 1:
                core = core[: -len(suffix)].rstrip("、")
    words = [core] if core != name else []
    return tuple(words + [t for t in themes if t not in words])


def synonyms_for(name: str) -> tuple[str, ...]:
    """Colloquial words residents use for an item."""
    words: list[str] = []
    for fragment, colloquial in SYNONYM_RULES:
        if fragment in name:
            words.extend(w for w in colloquial if w not in words and w != name)
    return tuple(words)


def legal_basis_for(name: str, item_type: str) -> tuple[str, ...]:
    """The laws and regulations an item rests on."""
    laws: list[str] = []
    for words, law in LEGAL_BASIS_RULES:
        if any(w in name for w in words) and law not in laws:
            laws.append(law)
        if len(laws) == 2:
            break
    type_law = TYPE_LAW.get(item_type)
    if type_law and type_law not in laws:
        laws.append(type_law)
    return tuple(laws)


def time_limits_for(name: str, item_type: str) -> tuple[int, int]:
    """(legal, promised) time limits in working days; 0 means handled on the spot."""
    pick = stable_int(name, 4)
    if item_type == "行政许可":
        return 20, (10, 7, 5, 3)[pick]
    if item_type == "行政确认":
        return (20, 30, 20, 15)[pick], (5, 10, 3, 5)[pick]
    if item_type == "行政给付":
        return 30, (15, 10, 10, 5)[pick]
    if item_type == "行政裁决":
        return 60, 30
    if item_type == "行政奖励":
        return 30, 20
    if item_type == "其他行政权力":
        return 20, (10, 5, 5, 3)[pick]
    if any(w in name for w in ("查询", "打印", "证明", "激活", "挂失", "预约", "认证", "核验", "密码")):
        return 0, 0
    return (5, 10, 0, 15)[pick], (1, 3, 0, 5)[pick]


FEE_RULES: tuple[tuple[str, str], ...] = (
    ("往来港澳通行证及签注", "通行证工本费60元/本；签注15元/次（国家发展改革委、财政部标准）"),
    ("往来港澳通行证再次签注", "签注15元/次"),
    ("往来台湾通行证", "通行证工本费60元/本；签注15元/次"),
    ("普通护照", "护照工本费120元/本"),
    ("居民身份证办理", "换领、补领20元/证；临时身份证10元/证"),
    ("驾驶证", "工本费10元/本"),
    ("存量房买卖转移登记", "住宅80元/件，非住宅550元/件"),
    ("不动产抵押登记", "住宅80元/件，非住宅550元/件"),
    ("不动产权证书补发", "证书工本费10元/本"),
)


def fee_for(name: str) -> tuple[bool, str]:
    """Whether a fee is charged and its standard."""
    for fragment, standard in FEE_RULES:
        if fragment in name:
            return True, standard
    return False, "不收费"


def _identity_materials(audience: str) -> list[Material]:
    if audience == "enterprise":
        return [
            Material("营业执照（副本）", "original", 1, True, "核验后退回"),
            Material("法定代表人居民身份证", "copy", 1, True),
            Material("经办人居民身份证", "original", 1, True, "核验后退回"),
            Material("授权委托书", "original", 1, False, "经办人非法定代表人时提供"),
        ]
    return [
        Material("申请人居民身份证", "original", 1, True, "核验后退回；港澳居民提供港澳居民来往内地通行证"),
        Material("委托书及代办人身份证", "original", 1, False, "委托他人代办时提供"),
    ]


MATERIAL_RULES: tuple[tuple[tuple[str, ...], Material], ...] = (
    (("补领", "补发", "补证", "遗失"), Material("遗失情况说明或登报遗失声明", "original", 1, True)),
    (("变更",), Material("变更事项证明材料", "copy", 1, True)),
    (("注销",), Material("注销申请书", "original", 1, True)),
    (("婚",), Material("居民户口簿", "original", 1, True)),
    (("结婚", "婚姻登记"), Material("近期半身免冠合影照片（2寸）", "original", 3, True)),
    (("出生",), Material("出生医学证明", "original", 1, True)),
    (("死亡", "丧葬", "抚恤"), Material("居民死亡医学证明（推断）书", "copy", 1, True)),
    (("户口", "入户"), Material("居民户口簿", "original", 1, True)),
    (("失业",), Material("解除或终止劳动关系证明", "copy", 1, True)),
    (("医疗费", "报销"), Material("医疗费用发票及费用明细清单", "original", 1, True)),
    (("生育",), Material("医学诊断证明或出院小结", "copy", 1, True)),
    (("购房",), Material("购房合同或不动产权证书", "copy", 1, True)),
    (("租房", "租赁"), Material("房屋租赁合同", "copy", 1, True)),
    (("贷款",), Material("借款合同或贷款申请材料", "copy", 1, True)),
    (("居住证", "居住登记"), Material("合法稳定住所证明（租赁合同或房产证明）", "copy", 1, True)),
    (("通行证", "护照", "签注"), Material("近期彩色证件照片（出入境专用规格）", "electronic", 1, True)),
    (("驾驶证",), Material("县级以上医疗机构出具的身体条件证明", "original", 1, True)),
    (("食品", "餐饮"), Material("经营场所平面图及食品安全管理制度", "copy", 1, True)),
    (("许可", "审批"), Material("经营或活动场所使用证明", "copy", 1, True)),
    (("设立", "开办"), Material("公司章程或合伙协议", "original", 1, True)),
    (("工程", "建设", "施工"), Material("工程设计图纸及相关技术资料", "copy", 1, True)),
    (("运输", "客运", "货运", "车辆"), Material("机动车行驶证", "copy", 1, True)),
    (("学校", "幼儿园", "办学"), Material("办学章程及师资情况说明", "original", 1, True)),
    (("残疾",), Material("残疾评定材料或残疾人证", "copy", 1, True)),
    (("补贴", "补助", "资助", "津贴", "奖励"), Material("申请人银行账户信息（银行卡或存折）", "copy", 1, True)),
    (("社会保险", "参保", "社保"), Material("社会保险业务申报表", "original", 1, True)),
    (("证明",), Material("用途说明", "original", 1, False, "由需方单位出具时更佳")),
)


def materials_for(name: str, audience: str, item_type: str) -> tuple[Material, ...]:
    """The documents an application needs."""
    materials = _identity_materials(audience)
    for words, material in MATERIAL_RULES:
        if any(w in name for w in words) and material.name not in {m.name for m in materials}:
            materials.append(material)
        if len(materials) >= 6:
            break
    if item_type != "公共服务" or len(materials) <= 2:
        title = name if "《" in name else f"《{name}》"
        materials.append(Material(f"{title}申请表", "original", 1, True, "终端或窗口可现场填写"))
    return tuple(materials)


STEPS = {
    "行政许可": (
        "申请：提交申请材料",
        "受理：窗口或终端核对材料，当场决定是否受理",
        "审查：部门对材料进行审查，必要时现场核查",
        "决定：作出准予或不予许可的决定",
        "送达：证照或决定书邮寄送达或窗口领取",
    ),
    "行政确认": (
        "申请：提交申请材料",
        "受理：核对材料并受理",
        "审核：对申请事项进行确认审核",
        "办结：出具确认结果并送达",
    ),
    "行政给付": (
        "申请：提交申请及证明材料",
        "受理：审核材料完整性",
        "核定：核定给付资格与标准",
        "公示：按规定公示（如需）",
        "发放：资金发放至申请人银行账户",
    ),
    "公共服务": ("申请：在终端、窗口或网上提交申请", "办理：工作人员核对信息后办理", "办结：当场或限时出具结果"),
}
STEPS_DEFAULT = ("申请：提交申请材料", "受理：核对材料并受理", "审查：部门审查", "决定：作出决定并告知申请人")


def steps_for(item_type: str, self_service: bool, post_office: bool) -> tuple[str, ...]:
    """The steps an application goes through."""
    steps = list(STEPS.get(item_type, STEPS_DEFAULT))
    if self_service:
        steps[0] = "申请：在邮政政务服务自助终端刷身份证、人脸核验后提交材料，或到窗口申请"
    elif post_office:
        steps[0] = "申请：到邮政政务服务网点窗口或预约邮政人员上门收取材料"
    return tuple(steps)


def form_for(name: str, audience: str) -> tuple[FormField, ...]:
    """The fields a self-service application asks, prefilled from the ID card and documents."""
    delivery = FormField("delivery", "结果领取方式", "choice", True, "", ("EMS邮寄", "窗口自取"))
    if audience == "enterprise":
        fields = [
            FormField("company_name", "企业名称", "text", True, "business_license.name"),
            FormField("credit_code", "统一社会信用代码", "credit_code", True, "business_license.credit_code"),
            FormField("legal_representative", "法定代表人", "text", True, "business_license.legal_representative"),
            FormField("agent_name", "经办人姓名", "text", True, "id_card.name"),
            FormField("agent_id_number", "经办人身份证号码", "id_number", True, "id_card.id_number"),
            FormField("phone", "联系电话", "phone", True),
            FormField("mail_address", "邮寄地址", "address", False, "business_license.address"),
        ]
    else:
        fields = [
            FormField("name", "申请人姓名", "text", True, "id_card.name"),
            FormField("id_number", "身份证号码", "id_number", True, "id_card.id_number"),
            FormField("phone", "联系电话", "phone", True),
            FormField("mail_address", "邮寄地址", "address", False, "id_card.address"),
        ]
    if any(w in name for w in ("补贴", "补助", "资助", "津贴", "提取", "保险金", "报销", "救助")):
        fields.append(FormField("bank_account", "收款银行账号", "number", True))
    if any(w in name for w in ("补领", "补发", "遗失")):
        fields.append(FormField("loss_reason", "遗失或损坏情况说明", "text", True))
    if "变更" in name:
        fields.append(FormField("change_detail", "变更事项及变更后内容", "text", True))
    fields.append(delivery)
    return tuple(fields)

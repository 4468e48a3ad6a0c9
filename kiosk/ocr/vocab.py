"""Closed vocabularies printed on Chinese identity documents, shared by the document reader and the sample generator.

Sources: the 56 ethnic groups as recognised by the State Council and printed on 居民身份证 without the 族 suffix
(GB 3304-1991 names, e.g. "汉", "蒙古", "维吾尔"); business licence company types from the 2019 licence's 类型 line
as the market-regulation authority prints them; surnames from common-knowledge frequency lists (Hundred Family
Surnames and the Cantonese surnames frequent in Guangdong). Written from the author's knowledge, not copied from a
file.
"""

from __future__ import annotations

from catalog.codes import CREDIT_CHARSET

# Whitelists for recognisers reading closed character classes (layouts.FieldSpec.charset).
CHARSETS: dict[str, str] = {
    "digits": "0123456789",
    "id_number": "0123456789X",
    "credit_code": CREDIT_CHARSET,
    "date": "0123456789年月日.-",
    "sex": "男女",
}

# Order of GB 3304 (codes 01..56); the card prints the name without 族.
ETHNIC_GROUPS: tuple[str, ...] = (
    "汉", "蒙古", "回", "藏", "维吾尔", "苗", "彝", "壮", "布依", "朝鲜",
    "满", "侗", "瑶", "白", "土家", "哈尼", "哈萨克", "傣", "黎", "傈僳",
    "佤", "畲", "高山", "拉祜", "水", "东乡", "纳西", "景颇", "柯尔克孜", "土",
    "达斡尔", "仫佬", "羌", "布朗", "撒拉", "毛南", "仡佬", "锡伯", "阿昌", "普米",
    "塔吉克", "怒", "乌孜别克", "俄罗斯", "鄂温克", "德昂", "保安", "裕固", "京", "塔塔尔",
    "独龙", "鄂伦春", "赫哲", "门巴", "珞巴", "基诺",
)  # fmt: skip

SEXES: tuple[str, ...] = ("男", "女")

# The 类型 line of a business licence, as printed (full-width brackets are what the licence uses).
COMPANY_TYPES: tuple[str, ...] = (
    "有限责任公司（自然人投资或控股）",
    "有限责任公司（自然人独资）",
    "有限责任公司（法人独资）",
    "有限责任公司（非自然人投资或控股的法人独资）",
    "有限责任公司（外商投资、非独资）",
    "有限责任公司（台港澳法人独资）",
    "其他有限责任公司",
    "股份有限公司（非上市、自然人投资或控股）",
    "股份有限公司（上市、自然人投资或控股）",
    "个人独资企业",
    "普通合伙企业",
    "有限合伙企业",
)

# Frequent single-character surnames (national top 100 plus names common in Guangdong).
COMMON_SURNAMES: tuple[str, ...] = tuple(
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
    "姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤"
)
# Rare or regional single-character surnames; several are Cantonese (冼, 邝, 麦, 岑, 植, 禤, 区).
RARE_SURNAMES: tuple[str, ...] = tuple("冼邝麦岑植禤区甄简佘骆温巫官欧蓝凌伍翟晏卓栾饶聂靳")
COMPOUND_SURNAMES: tuple[str, ...] = (
    "欧阳", "司徒", "上官", "诸葛", "司马", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙", "端木", "夏侯", "令狐",
)  # fmt: skip

"""The search engine: each way residents type finds the item they mean."""

from __future__ import annotations

import pytest

from catalog.search import SearchError, SearchFilters


def names(store, query: str, limit: int = 5, **filters: str) -> list[str]:
    return [h.name for h in store.search.search(query, limit=limit, filters=SearchFilters(**filters))]


def test_exact_name_ranks_first(store):
    for name in ("社会保障卡申领", "失业保险金申领", "企业设立登记", "普通护照签发", "广东省居住证申领"):
        assert names(store, name)[0] == name


def test_words_in_any_order_and_partial_words(store):
    assert "提取住房公积金（租房）" in names(store, "租房 公积金 提取")
    assert "提取住房公积金（租房）" in names(store, "公积金租房")
    assert "企业职工基本养老保险提前退休申请" in names(store, "提前退休")
    assert "失业保险金申领" in names(store, "失业保")  # still typing


def test_full_pinyin_with_and_without_spaces(store):
    assert names(store, "shebaoka")[0].startswith("社会保障卡")
    assert names(store, "she bao ka")[0].startswith("社会保障卡")
    assert "普通护照签发" in names(store, "huzhao", 3)


def test_pinyin_initials(store):
    assert names(store, "sbk")[0].startswith("社会保障卡")
    assert any("居住证" in n for n in names(store, "jzz", 3))


def test_homophone_typo_in_chinese(store):
    # 设 for 社 and 正 for 证: what a pinyin keyboard user picks by mistake.
    assert names(store, "设保卡")[0].startswith("社会保障卡")
    assert any("居住证" in n for n in names(store, "居住正", 3))


def test_pinyin_typos_missing_and_swapped_letters(store):
    assert "普通护照签发" in names(store, "huzaho", 3)  # swapped
    assert any("居住证" in n for n in names(store, "juzhuzhen", 3))  # missing letter
    assert any("公积金" in n for n in names(store, "gongjjin", 5))  # missing letter


def test_traditional_characters(store):
    assert names(store, "社會保障卡")[0].startswith("社会保障卡")
    assert any("公积金" in n for n in names(store, "住房公積金", 3))


def test_colloquial_synonyms(store):
    assert any(n in ("企业设立登记", "公司设立登记") for n in names(store, "开公司", 3))
    assert "失业保险金申领" in names(store, "失业金", 3)
    assert any("最低生活保障" in n for n in names(store, "低保", 3))
    assert any("驾驶证" in n for n in names(store, "驾照", 3))


def test_english_names(store):
    assert any("失业保险金" in n for n in names(store, "unemployment insurance", 3))
    assert any("护照" in n for n in names(store, "passport", 3))


def test_filters_restrict_results(store):
    engine = store.search
    for filters, check in (
        (SearchFilters(audience="enterprise"), lambda i: i.audience in ("enterprise", "both")),
        (SearchFilters(channel="self_service"), lambda i: i.self_service),
        (SearchFilters(channel="post_office"), lambda i: i.post_office),
        (SearchFilters(department="hp-rsj"), lambda i: i.department == "hp-rsj"),
        (SearchFilters(department="区人社局"), lambda i: i.department == "hp-rsj"),
        (SearchFilters(theme="就业"), lambda i: "就业" in i.themes),
    ):
        hits = engine.search("补贴", limit=20, filters=filters)
        assert hits, filters
        assert all(check(store.item(h.id)) for h in hits), filters


def test_empty_query_lists_most_used_items(store):
    hits = store.search.search("", limit=10)
    populars = [store.item(h.id).popularity for h in hits]
    assert populars == sorted(populars, reverse=True)
    post = store.search.search("  ", limit=10, filters=SearchFilters(channel="post_office"))
    assert all(store.item(h.id).post_office for h in post)


@pytest.mark.parametrize(
    "query", ["", "   ", "！！！", "😀😀", "a", "x" * 5000, "社" * 300, "DROP TABLE items;--", "\x00\x01", "ⅩⅢ"]
)
def test_odd_input_never_fails(store, query):
    hits = store.search.search(query, limit=5)
    assert len(hits) <= 5


def test_nonsense_finds_nothing(store):
    assert store.search.search("qqqqzzzz", limit=5) == []
    assert store.search.search("xqxqxqxq", limit=5) == []


def test_bad_filters_are_reported(store):
    for filters in (
        SearchFilters(audience="aliens"),
        SearchFilters(channel="fax"),
        SearchFilters(department="no-such-dept"),
        SearchFilters(theme="no-such-theme"),
    ):
        with pytest.raises(SearchError):
            store.search.search("社保", filters=filters)
    with pytest.raises(SearchError):
        store.search.search("社保", limit=0)


def test_results_carry_the_design_fields(store):
    hit = store.search.search("社保卡", limit=1)[0]
    record = hit.as_json()
    assert set(record) == {"id", "code", "name", "department", "score"}
    assert record["department"] == "区人社局"

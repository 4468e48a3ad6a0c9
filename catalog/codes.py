"""Check characters of the national codes on documents: the citizen identity number (GB 11643), the organisation
code (GB 11714) and the unified social credit code (GB 32100). Used to make sample data and to validate OCR."""

from __future__ import annotations

CREDIT_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
_CREDIT_WEIGHTS = tuple(pow(3, i, 31) for i in range(17))
_ORG_WEIGHTS = (3, 7, 9, 10, 5, 8, 4, 2)
_ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def id_check_digit(first17: str) -> str:
    """The GB 11643 check character (ISO 7064 MOD 11-2) of an 18-character citizen identity number."""
    return "10X98765432"[sum(int(d) * w for d, w in zip(first17, _ID_WEIGHTS, strict=True)) % 11]


def org_code_check(body: str) -> str:
    """The GB 11714 check character for an 8-character organisation-code body."""
    total = sum(int(ch, 36) * w for ch, w in zip(body, _ORG_WEIGHTS, strict=True))
    value = 11 - total % 11
    return {10: "X", 11: "0"}.get(value, str(value))


def credit_code_check(body: str) -> str:
    """The GB 32100 check character for a 17-character credit-code body."""
    total = sum(CREDIT_CHARSET.index(ch) * w for ch, w in zip(body, _CREDIT_WEIGHTS, strict=True))
    return CREDIT_CHARSET[(31 - total % 31) % 31]


def make_credit_code(registration: str, area: str, org_body: str) -> str:
    """A complete credit code from its registration type (2), area code (6) and org-code body (8)."""
    body = registration + area + org_body + org_code_check(org_body)
    return body + credit_code_check(body)

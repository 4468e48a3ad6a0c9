"""The serial protocol of resident ID card readers with a SAM module (GA/T 467 framing).

A frame is the preamble AA AA AA 96 69, a two-byte big-endian length of what follows, then the body and an
XOR check over the length and body bytes. Requests carry (command, parameter, data); responses carry
(SW1, SW2, SW3, data), SW3 being the status. The card's text is 256 bytes of UCS-2 (little-endian) in fixed
fields; the photo is 1,024 bytes of WLT, which only the vendor's library decodes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from enum import IntEnum

PREAMBLE = bytes.fromhex("AAAAAA9669")
MAX_BODY = 4096  # a base-information answer is 1,295 bytes; anything far larger is garbage


# Requests are (command, parameter) pairs.
CMD_RESET_SAM = (0x10, 0xFF)
CMD_SAM_STATUS = (0x11, 0xFF)
CMD_SAM_ID = (0x12, 0xFF)
CMD_FIND_CARD = (0x20, 0x01)
CMD_SELECT_CARD = (0x20, 0x02)
CMD_READ_BASE = (0x30, 0x01)


class Status(IntEnum):
    """SW3 values readers answer with."""

    OK = 0x90
    FIND_OK = 0x9F
    NO_CARD = 0x80
    SELECT_FAILED = 0x81
    READ_FAILED = 0x41
    CHECKSUM_ERROR = 0x10
    LENGTH_ERROR = 0x11
    UNKNOWN_COMMAND = 0x21
    SAM_ERROR = 0x60


class FrameError(ValueError):
    """Bytes that do not make a valid frame (bad check, impossible length)."""


def xor_check(data: bytes) -> int:
    """The XOR of all bytes."""
    value = 0
    for byte in data:
        value ^= byte
    return value


def encode_request(command: tuple[int, int], data: bytes = b"") -> bytes:
    """A request frame: preamble, length, command, parameter, data, check."""
    body = bytes(command) + data
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([xor_check(length + body)])


def encode_response(status: int, data: bytes = b"", sw1: int = 0, sw2: int = 0) -> bytes:
    """A response frame (what a reader sends back)."""
    body = bytes([sw1, sw2, status]) + data
    length = (len(body) + 1).to_bytes(2, "big")
    return PREAMBLE + length + body + bytes([xor_check(length + body)])


class FrameReader:
    """Finds frames in a byte stream: skips garbage before a preamble, waits for whole frames."""

    def __init__(self) -> None:
        self.buffer = bytearray()
        self.dropped = 0  # bytes thrown away while resynchronising (for diagnostics)

    def feed(self, data: bytes) -> None:
        """Add bytes as they arrive."""
        self.buffer.extend(data)

    def next_frame(self) -> bytes | None:
        """The body (after the length, without the check) of the next complete frame, or None if incomplete.

        Raises FrameError for a frame whose check fails or whose length is impossible; its bytes are consumed so
        that reading can go on with what follows.
        """
        start = self.buffer.find(PREAMBLE)
        if start < 0:
            keep = len(PREAMBLE) - 1  # a preamble may be split across reads
            if len(self.buffer) > keep:
                self.dropped += len(self.buffer) - keep
                del self.buffer[: len(self.buffer) - keep]
            return None
        if start:
            self.dropped += start
            del self.buffer[:start]
        if len(self.buffer) < 7:
            return None
        length = int.from_bytes(self.buffer[5:7], "big")
        if not 2 <= length <= MAX_BODY:
            del self.buffer[:5]
            raise FrameError(f"impossible frame length {length}")
        if len(self.buffer) < 7 + length:
            return None
        frame = bytes(self.buffer[: 7 + length])
        del self.buffer[: 7 + length]
        if xor_check(frame[5:-1]) != frame[-1]:
            raise FrameError("check byte does not match")
        return frame[7:-1]


@dataclass(frozen=True)
class Response:
    """A decoded response."""

    status: int
    data: bytes


def decode_response(body: bytes) -> Response:
    """A response body (SW1 SW2 SW3 data) as status and data."""
    if len(body) < 3:
        raise FrameError("response shorter than its status words")
    return Response(body[2], body[3:])


# -- the card's text ---------------------------------------------------------------------------------
TEXT_FIELDS = (  # (name, bytes) in the order the card stores them
    ("name", 30),
    ("sex", 2),
    ("ethnicity", 4),
    ("birth_date", 16),
    ("address", 70),
    ("id_number", 36),
    ("issuing_authority", 30),
    ("valid_from", 16),
    ("valid_until", 16),
    ("reserved", 36),
)
TEXT_BYTES = 256
PHOTO_BYTES = 1024
SEXES = {"1": "男", "2": "女", "0": "未知", "9": "未说明"}
# GB/T 3304 codes of the 56 ethnic groups, and the two codes for others.
ETHNICITIES = dict(
    enumerate(
        (
            "汉",
            "蒙古",
            "回",
            "藏",
            "维吾尔",
            "苗",
            "彝",
            "壮",
            "布依",
            "朝鲜",
            "满",
            "侗",
            "瑶",
            "白",
            "土家",
            "哈尼",
            "哈萨克",
            "傣",
            "黎",
            "傈僳",
            "佤",
            "畲",
            "高山",
            "拉祜",
            "水",
            "东乡",
            "纳西",
            "景颇",
            "柯尔克孜",
            "土",
            "达斡尔",
            "仫佬",
            "羌",
            "布朗",
            "撒拉",
            "毛南",
            "仡佬",
            "锡伯",
            "阿昌",
            "普米",
            "塔吉克",
            "怒",
            "乌孜别克",
            "俄罗斯",
            "鄂温克",
            "德昂",
            "保安",
            "裕固",
            "京",
            "塔塔尔",
            "独龙",
            "鄂伦春",
            "赫哲",
            "门巴",
            "珞巴",
            "基诺",
        ),
        start=1,
    )
)
ETHNICITIES.update({97: "其他", 98: "外国血统中国籍人士"})


@dataclass(frozen=True)
class CardText:
    """The card's text fields, normalised to the DESIGN's formats."""

    name: str
    sex: str
    ethnicity: str
    birth_date: str
    address: str
    id_number: str
    issuing_authority: str
    valid_from: str
    valid_until: str


def _date(raw: str, field: str) -> str:
    if raw == "长期":
        return raw
    try:
        return date(int(raw[:4]), int(raw[4:6]), int(raw[6:8])).isoformat()
    except ValueError as exc:
        raise FrameError(f"{field} is not a date") from exc


def parse_text(raw: bytes) -> CardText:
    """Decode the 256-byte UCS-2 text block."""
    if len(raw) != TEXT_BYTES:
        raise FrameError(f"text block of {len(raw)} bytes, expected {TEXT_BYTES}")
    values: dict[str, str] = {}
    offset = 0
    for name, size in TEXT_FIELDS:
        try:
            values[name] = raw[offset : offset + size].decode("utf-16-le").strip().rstrip("\x00").strip()
        except UnicodeDecodeError as exc:
            raise FrameError(f"{name} is not UCS-2 text") from exc
        offset += size
    code = values["ethnicity"]
    ethnicity = ETHNICITIES.get(int(code)) if code.isdigit() else None
    if ethnicity is None or values["sex"] not in SEXES:
        raise FrameError("sex or ethnicity code unknown")
    return CardText(
        name=values["name"],
        sex=SEXES[values["sex"]],
        ethnicity=ethnicity,
        birth_date=_date(values["birth_date"], "birth_date"),
        address=values["address"],
        id_number=values["id_number"],
        issuing_authority=values["issuing_authority"],
        valid_from=_date(values["valid_from"], "valid_from"),
        valid_until=_date(values["valid_until"], "valid_until"),
    )


def encode_text(card: CardText) -> bytes:
    """The 256-byte text block of a card (for simulators and tests)."""
    codes = {v: k for k, v in SEXES.items()}
    nations = {v: k for k, v in ETHNICITIES.items()}
    raw = {
        "name": card.name,
        "sex": codes[card.sex],
        "ethnicity": f"{nations[card.ethnicity]:02d}",
        "birth_date": card.birth_date.replace("-", ""),
        "address": card.address,
        "id_number": card.id_number,
        "issuing_authority": card.issuing_authority,
        "valid_from": card.valid_from.replace("-", ""),
        "valid_until": card.valid_until.replace("-", ""),
        "reserved": "",
    }
    out = b""
    for name, size in TEXT_FIELDS:
        encoded = raw[name].encode("utf-16-le")[:size]
        out += encoded + " ".encode("utf-16-le") * ((size - len(encoded)) // 2)
    return out

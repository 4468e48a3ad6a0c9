"""A submission's statuses, the moves a clerk may make between them, and their labels in the console."""

from __future__ import annotations

from enum import StrEnum


class Status(StrEnum):
    """Where a submission stands."""

    SUBMITTED = "submitted"
    ACCEPTED = "accepted"
    IN_REVIEW = "in_review"
    SUPPLEMENT_REQUESTED = "supplement_requested"
    APPROVED = "approved"
    REJECTED = "rejected"
    RESULT_MAILED = "result_mailed"
    RESULT_COLLECTED = "result_collected"


# The only moves there are (docs/hub-api.md "Status values"); the terminal only ever makes `submitted`.
NEXT: dict[Status, tuple[Status, ...]] = {
    Status.SUBMITTED: (Status.ACCEPTED,),
    Status.ACCEPTED: (Status.IN_REVIEW,),
    Status.IN_REVIEW: (Status.APPROVED, Status.REJECTED, Status.SUPPLEMENT_REQUESTED),
    Status.SUPPLEMENT_REQUESTED: (Status.IN_REVIEW,),
    Status.APPROVED: (Status.RESULT_MAILED, Status.RESULT_COLLECTED),
    Status.REJECTED: (Status.RESULT_MAILED, Status.RESULT_COLLECTED),
    Status.RESULT_MAILED: (),
    Status.RESULT_COLLECTED: (),
}

LABELS: dict[Status, str] = {
    Status.SUBMITTED: "已提交",
    Status.ACCEPTED: "已受理",
    Status.IN_REVIEW: "审核中",
    Status.SUPPLEMENT_REQUESTED: "待补正材料",
    Status.APPROVED: "审核通过",
    Status.REJECTED: "不予通过",
    Status.RESULT_MAILED: "结果已寄出",
    Status.RESULT_COLLECTED: "结果已领取",
}

# What the button that makes the move says.
ACTIONS: dict[Status, str] = {
    Status.ACCEPTED: "受理",
    Status.IN_REVIEW: "开始审核",
    Status.APPROVED: "审核通过",
    Status.REJECTED: "不予通过",
    Status.SUPPLEMENT_REQUESTED: "要求补正材料",
    Status.RESULT_MAILED: "结果已邮寄",
    Status.RESULT_COLLECTED: "结果已领取",
}


def can_move(current: str, target: str) -> bool:
    """True when a clerk may move a submission from `current` to `target`."""
    try:
        return Status(target) in NEXT[Status(current)]
    except ValueError:
        return False


def label(status: str) -> str:
    """The console's label of a status (the raw value for an unknown one)."""
    try:
        return LABELS[Status(status)]
    except ValueError:
        return status

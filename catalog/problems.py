"""Catalog source problems: importable without the YAML parser, so the command line can report them cheaply."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SourceProblem:
    """One validation error at a place in the source."""

    where: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.field}: {self.message}"


class CatalogInvalid(ValueError):
    """The source has errors; `problems` lists every one of them."""

    def __init__(self, problems: list[SourceProblem]):
        self.problems = problems
        shown = "\n".join(str(p) for p in problems[:50])
        more = f"\n... and {len(problems) - 50} more" if len(problems) > 50 else ""
        super().__init__(f"catalog source has {len(problems)} error(s):\n{shown}{more}")

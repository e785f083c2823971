"""Departments in charge (所管): parse the written cell and expand bureau abbreviations."""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources

from ingest.chunk import Department

# `総) 行政部`, `総） 行政部` (full-width paren), separated by `、`, spaces, or nothing at all
# (`政) 政策企画部 デ) スマートシティ推進部`).
_DEPARTMENT = re.compile(r"(\S)\s*[)）]\s*([^\s、,，)）]+)")
_OTHERS = re.compile(r"ほか\s*$")


@lru_cache(maxsize=1)
def bureau_table() -> dict[str, str]:
    """Abbreviation -> bureau name, read from the bundled ``bureaus.tsv``."""
    table: dict[str, str] = {}
    text = resources.files("ingest").joinpath("bureaus.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        abbreviation, bureau = line.split("\t")
        table[abbreviation.strip()] = bureau.strip()
    return table


def parse_departments(cell: str) -> tuple[tuple[Department, ...], bool]:
    """Parse a 所管 cell into departments and whether it ends with ``ほか`` (and others).

    >>> parse_departments("総) 行政部、 デ) 情報システム部")[0][1].name
    'デジタル戦略推進局 情報システム部'
    """
    table = bureau_table()
    departments = tuple(
        Department(
            as_written=match.group(0).strip(),
            bureau=table.get(match.group(1)),
            division=match.group(2),
        )
        for match in _DEPARTMENT.finditer(cell)
    )
    return departments, bool(_OTHERS.search(cell.strip()))

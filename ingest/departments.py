"""Departments in charge (所管): parse the written cell and expand bureau abbreviations."""

from __future__ import annotations

import re

from ingest.chunk import Department

# `総) 行政部`, `総） 行政部` (full-width paren), separated by `、`, spaces, or nothing at all
# (`政) 政策企画部 デ) スマートシティ推進部`).
_DEPARTMENT = re.compile(r"(\S)\s*[)）]\s*([^\s、,，)）]+)")
_OTHERS = re.compile(r"ほか\s*$")


def parse_departments(cell: str, bureaus: dict[str, str]) -> tuple[tuple[Department, ...], bool]:
    """Parse a 所管 cell into departments (abbreviations expanded with ``bureaus``, the profile's
    table) and whether it ends with ``ほか`` (and others).

    >>> parse_departments("総) 行政部、 デ) 情報システム部", {"総": "総務局", "デ": "デジタル戦略推進局"})[0][1].name
    'デジタル戦略推進局 情報システム部'
    """
    table = bureaus
    departments = tuple(
        Department(
            as_written=match.group(0).strip(),
            bureau=table.get(match.group(1)),
            division=match.group(2),
        )
        for match in _DEPARTMENT.finditer(cell)
    )
    return departments, bool(_OTHERS.search(cell.strip()))

"""Reading ``PLANQA_*`` environment variables into typed values; a bad value is a `ConfigError`
that names the variable, the value and what would be valid."""

from __future__ import annotations

import os
from pathlib import Path

from planqa.errors import ConfigError


def env_str(name: str, default: str | None = None) -> str | None:
    value = os.environ.get(name)
    return value if value not in (None, "") else default


def env_int(name: str, default: int, minimum: int = 0) -> int:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        number = int(value.strip().replace("_", ""))
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not an integer (default {default})") from None
    if number < minimum:
        raise ConfigError(f"{name}={value!r} must be at least {minimum} (default {default})")
    return number


def env_float(name: str, default: float, minimum: float = 0.0) -> float:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    try:
        number = float(value.strip())
    except ValueError:
        raise ConfigError(f"{name}={value!r} is not a number (default {default:g})") from None
    if not number >= minimum or number == float("inf"):
        raise ConfigError(f"{name}={value!r} must be a finite number of at least {minimum:g} (default {default:g})")
    return number


def env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value) if value else default


def env_choice(name: str, default: str, choices: tuple[str, ...]) -> str:
    value = os.environ.get(name) or default
    if value not in choices:
        raise ConfigError(f"{name}={value!r} is not one of {', '.join(choices)}")
    return value


def env_bool(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value in (None, ""):
        return default
    lowered = value.strip().lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ConfigError(f"{name}={value!r} is not a switch; use 1/0, true/false, yes/no or on/off")

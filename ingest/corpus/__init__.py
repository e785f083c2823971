"""The bundled plan and its profile, shipped inside the package (links to the byte-identical copies in
``data/`` in a checkout; real files in a wheel), found with `importlib.resources`."""

from importlib import resources
from pathlib import Path

_HERE = Path(str(resources.files(__name__)))
BUNDLED_PLAN = _HERE / "sapporo_action_plan_excerpt.txt"
BUNDLED_PROFILE = _HERE / "sapporo_action_plan_excerpt.profile.toml"

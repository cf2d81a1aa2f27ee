"""The portal's demo content: its texts are data files (data/), small builders load them.

data/demo.toml names the citizens and, in loading order, the articles (data/articles/<key>.toml)
and the consultations (data/consultations/<key>.toml); `manage.py demo_content` loads them.
"""

import tomllib
from importlib import resources

from inepa_portal.translation import LANGUAGE_CODES


def read(*path: str) -> dict:
    """The data file data/<path>.toml, e.g. read("articles", "unpsa-2013")."""
    *folders, name = path
    data_file = resources.files(__name__).joinpath("data", *folders, f"{name}.toml")
    return tomllib.loads(data_file.read_text(encoding="utf-8"))


def translated(data: dict, *names: str) -> dict[str, str]:
    """Per-language fields (title_sl, title_en, ...) from data's [sl] and [en]; missing: empty."""
    return {
        f"{name}_{code}": data.get(code, {}).get(name, "")
        for code in LANGUAGE_CODES
        for name in names
    }

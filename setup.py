"""What pyproject.toml cannot say: the package layout of the installed portal.

The repository keeps the project-wide `templates/` and `static/` folders at its top (the
layout is fixed); an installed portal finds them inside the `inepa_portal` package, as
`inepa_portal/templates/` and `inepa_portal/static/` (the settings look there first). The
wheel also carries the translation catalogs compiled (`.mo`, made here from the `.po` files
with polib, so building needs no GNU gettext), the fonts of the results dossier and the demo
content's data files (`manage.py demo_content` reads them from the installed package).
"""

from pathlib import Path

from setuptools import find_namespace_packages, find_packages, setup
from setuptools.command.build_py import build_py

APPS = ["inepa_portal", "articles", "accounts", "consultations", "notifications", "pages", "search"]
# Top-level folders shipped inside the inepa_portal package: (package name, repository folder).
MAPPED = {"inepa_portal.templates": "templates", "inepa_portal.static": "static"}


class BuildPyWithCatalogs(build_py):
    """build_py, then each copied catalog compiled beside itself (django.po -> django.mo)."""

    def run(self) -> None:
        super().run()
        if self.editable_mode:  # an editable install reads the checkout: `make messages`
            return
        import polib  # a build requirement (pyproject.toml), not one of the portal's

        for catalog in Path(self.build_lib, "inepa_portal", "locale").glob("*/LC_MESSAGES/*.po"):
            polib.pofile(str(catalog)).save_as_mofile(str(catalog.with_suffix(".mo")))


def data_packages(package: str, folder: str) -> list[str]:
    """`package` and each folder below `folder`: folders of data, packages to setuptools."""
    return [package, *(f"{package}.{name}" for name in find_namespace_packages(where=folder))]


DATA = {  # package: the files it carries
    **{
        name: ["*"] for package, folder in MAPPED.items() for name in data_packages(package, folder)
    },
    **{name: ["*.po"] for name in data_packages("inepa_portal.locale", "inepa_portal/locale")},
    "consultations.results.fonts": ["*"],
    **{
        name: ["*.toml"]
        for name in data_packages("inepa_portal.demo.data", "inepa_portal/demo/data")
    },
}

setup(
    packages=[
        *find_packages(include=[pattern for app in APPS for pattern in (app, f"{app}.*")]),
        *DATA,
    ],
    package_dir=MAPPED,
    package_data=DATA,
    cmdclass={"build_py": BuildPyWithCatalogs},
)

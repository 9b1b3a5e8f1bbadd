"""Carry the publishing settings (``publishing:`` in _config.yml) into the files that
cannot read them at build time: ``CITATION.cff`` and the notebooks' Colab install cell.

    python scripts/apply_publishing.py          # check (exit 1 if a file disagrees)
    python scripts/apply_publishing.py --write  # update them; then refresh the notebooks

``CITATION.cff`` gets ``repository-code`` and ``url`` only while the repository and
the student edition's address are set, so it never names an address nobody set.
"""
from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))
import colab_install_cell  # noqa: E402
from course_tools import publishing  # noqa: E402

CITATION = ROOT / "CITATION.cff"
FIELDS = re.compile(r'^(repository-code|url):.*\n', re.M)


def citation_text(text: str, settings: publishing.Publishing) -> str:
    """CITATION.cff with its address fields as the settings say (after ``abstract``)."""
    text = FIELDS.sub("", text)
    lines = []
    if settings.repository:
        lines.append(f'repository-code: "{settings.repository}"\n')
    if settings.site_url:
        lines.append(f'url: "{settings.edition_url("student")}"\n')
    if not lines:
        return text
    anchor = re.search(r"^license:", text, re.M)
    return text[: anchor.start()] + "".join(lines) + text[anchor.start():]


def main(argv: list[str]) -> int:
    settings = publishing.load()
    current = CITATION.read_text(encoding="utf-8")
    wanted = citation_text(current, settings)
    status = 0
    if wanted != current:
        if "--write" in argv:
            CITATION.write_text(wanted, encoding="utf-8")
            print("CITATION.cff updated from publishing:")
        else:
            print("CITATION.cff disagrees with publishing: (run scripts/apply_publishing.py --write)")
            status = 1
    return max(status, colab_install_cell.main(argv))


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

"""The publisher's settings: where the course is published, its repository and a contact.

They live in one place, the ``publishing:`` block of ``_config.yml`` (README:
"Publishing")::

    publishing:
      site_url: ""        # the student edition's published address (https://...)
      tutor_site_url: ""  # the tutor edition's address, if it is published at all
      repository: ""      # the public source repository (https://github.com/OWNER/NAME)
      branch: main        # the branch the launch buttons and the Colab cell use
      contact: ""         # where readers send a page review: an e-mail address or https:// page

While a setting is empty, nothing that depends on it is built: no repository, issue,
Binder or Colab button (``_ext/course_publishing.py``), no Colab install cell in the
notebooks (``scripts/colab_install_cell.py``), no thin Common Cartridge for an edition
without an address (``course_tools/lms.py``), no "send it to" line under the review form.
A setting that is an example or placeholder address is refused with a message that
names it (:class:`PublishingError`), so a copy of the course cannot be published
pointing at an address nobody owns.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
KEYS = ("site_url", "tutor_site_url", "repository", "branch", "contact")

# Addresses that name nobody's real site: documentation examples, this machine, the
# template's "your-..." slots, and the address earlier editions of this course
# carried, which was never a public repository (issue 20).
PLACEHOLDER_HOSTS = re.compile(
    r"(^|\.)(example\.(com|org|net|edu)|example|localhost|invalid|test|local)$"
    r"|^(127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[::1\])$",
    re.I,
)
PLACEHOLDER_TEXT = (
    "coproduction-course/coproduction-in-mental-health",
    "coproduction-course.github.io",
    "your-",
    "your_",
    "yourname",
    "owner/name",
    "changeme",
)


class PublishingError(ValueError):
    """A publishing setting is malformed or a placeholder."""


@dataclass(frozen=True)
class Publishing:
    site_url: str = ""
    tutor_site_url: str = ""
    repository: str = ""
    branch: str = "main"
    contact: str = ""

    def edition_url(self, edition: str) -> str:
        """The published address of an edition ("" when it has none), ending in /."""
        url = self.tutor_site_url if edition == "tutor" else self.site_url
        return url.rstrip("/") + "/" if url else ""

    @property
    def contact_href(self) -> str:
        if not self.contact:
            return ""
        return self.contact if self.contact.startswith("https://") else f"mailto:{self.contact}"

    @property
    def issues_url(self) -> str:
        return self.repository.rstrip("/") + "/issues" if self.repository else ""


def _placeholder(value: str) -> str | None:
    low = value.lower()
    for text in PLACEHOLDER_TEXT:
        if text in low:
            return f"it contains {text!r}"
    host = urlparse(value).hostname if "://" in value else value.rpartition("@")[2]
    if host and PLACEHOLDER_HOSTS.search(host.strip(".")):
        return f"{host} is an example or local address"
    return None


def check_url(key: str, value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    parsed = urlparse(value)
    if parsed.scheme != "https" or not parsed.hostname:
        raise PublishingError(f"publishing.{key} must be an https:// address (got {value!r})")
    why = _placeholder(value)
    if why:
        raise PublishingError(
            f"publishing.{key} = {value!r} is a placeholder, not a published address ({why}). "
            f"Set it to the real address, or leave it empty (\"\") to build without it."
        )
    return value


def check_contact(value: str) -> str:
    value = value.strip()
    if not value:
        return ""
    if value.startswith("https://"):
        return check_url("contact", value)
    if not re.fullmatch(r"[^@\s/]+@[^@\s/]+\.[A-Za-z]{2,}", value):
        raise PublishingError(f"publishing.contact must be an e-mail address or an https:// page (got {value!r})")
    why = _placeholder(value)
    if why:
        raise PublishingError(
            f"publishing.contact = {value!r} is a placeholder, not a real address ({why}). "
            f"Set a real address, or leave it empty (\"\")."
        )
    return value


def from_mapping(block: dict | None) -> Publishing:
    """Validated settings from a ``publishing:`` mapping (missing keys are unset)."""
    block = dict(block or {})
    unknown = sorted(set(block) - set(KEYS))
    if unknown:
        raise PublishingError(f"unknown publishing setting(s): {', '.join(unknown)} (known: {', '.join(KEYS)})")
    text = {k: "" if block.get(k) is None else str(block.get(k)) for k in KEYS}
    repository = check_url("repository", text["repository"]).rstrip("/")
    if repository and urlparse(repository).hostname not in ("github.com", "gitlab.com", "bitbucket.org"):
        raise PublishingError(
            f"publishing.repository must be on GitHub, GitLab or Bitbucket, whose launch buttons the theme "
            f"knows (got {repository!r})"
        )
    return Publishing(
        site_url=check_url("site_url", text["site_url"]),
        tutor_site_url=check_url("tutor_site_url", text["tutor_site_url"]),
        repository=repository,
        branch=text["branch"].strip() or "main",
        contact=check_contact(text["contact"]),
    )


def load(config_path: Path = ROOT / "_config.yml") -> Publishing:
    """The settings of a book's ``_config.yml``."""
    config = yaml.safe_load(config_path.read_text(encoding="utf-8")) or {}
    return from_mapping(config.get("publishing"))

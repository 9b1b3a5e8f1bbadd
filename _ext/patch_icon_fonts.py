"""Patch: the theme's icon fonts, subset to the glyphs it uses (issue 2, page weight).

The theme's icon script ``fontawesome.js`` (~530 KiB gzip) is not loaded
(``_templates/static/webpack-macros.html``, checked by ``patch_theme_templates``); the
theme's icons are drawn by its own CSS with the Font Awesome fonts, and this extension
subsets those fonts at build time to the few glyphs the theme uses
(``_static/course-icons/``, a few KiB, declared with ``unicode-range`` so any other
icon still falls back to the full font). The icon glyphs get empty alternative text,
so screen readers skip them.
"""
from __future__ import annotations

import hashlib
import re
from pathlib import Path

from sphinx.application import Sphinx
from sphinx.util import logging

import pydata_sphinx_theme
from upstream_patches import warn_nothing_patched

THEME_STATIC = Path(pydata_sphinx_theme.__file__).parent / "theme" / "pydata_sphinx_theme" / "static"
logger = logging.getLogger(__name__)

# Icons named by class in the templates of pydata-sphinx-theme 0.17 and
# sphinx-book-theme 1.3 (header buttons, navigation, theme switch, launch buttons).
# Icons the theme draws from CSS (--pst-icon-*: admonitions, external links,
# breadcrumbs) are read from its stylesheet. An icon not listed still works: the
# browser then fetches the theme's full font for it.
ICON_CLASSES = (
    "angle-left", "angle-right", "arrow-up", "bars", "chevron-down", "chevron-right",
    "chevron-left", "chevron-up", "magnifying-glass", "download", "expand", "compress",
    "file", "file-pdf", "file-lines", "lightbulb", "circle-half-stroke", "moon", "sun",
    "list", "outdent", "indent", "code", "rocket", "play", "pencil", "pencil-alt", "home",
    "house", "xmark", "copy", "check", "link", "square-caret-down", "github", "gitlab",
    "bitbucket", "square-github",
)
ICON_FONTS = {
    # file stem in the theme: (font-family, font-weight) as the theme's CSS declares them
    "fa-solid-900": ("Font Awesome 6 Free", 900),
    "fa-brands-400": ("Font Awesome 6 Brands", 400),
}
# Bumped when what this module writes changes, so a kept subset is rewritten.
SUBSET_FORMAT = 3


def _theme_icon_codepoints() -> tuple[dict[str, int], set[int]]:
    """Map icon class names to code points, and collect the --pst-icon-* code points."""
    css = (THEME_STATIC / "styles" / "pydata-sphinx-theme.css").read_text(encoding="utf-8")

    def char(value: str) -> int | None:
        if re.fullmatch(r"\\[0-9a-fA-F]{1,6}", value):
            return int(value[1:], 16)
        value = value.lstrip("\\")
        return ord(value) if len(value) == 1 else None

    by_class: dict[str, int] = {}
    for selectors, value in re.findall(r"((?:\.fa-[a-z0-9-]+:(?::)?before,?)+)\{content:\"([^\"]+)\"\}", css):
        code = char(value)
        if code is None:
            continue
        for name in re.findall(r"\.fa-([a-z0-9-]+):", selectors):
            by_class.setdefault(name, code)
    css_icons = {c for v in re.findall(r"--pst-(?:icon-[a-z-]+|breadcrumb-divider):\"([^\"]+)\"", css)
                 if (c := char(v)) is not None}
    return by_class, css_icons


def check_icon_codepoints(by_class: dict[str, int], css_icons: set[int]) -> bool:
    """Warn when the regexes over the theme's minified CSS no longer find the icons."""
    missing = [name for name in ICON_CLASSES if name not in by_class]
    if not by_class or len(missing) > len(ICON_CLASSES) // 2:
        warn_nothing_patched(
            "icon font subset",
            f"the theme's CSS no longer maps most .fa-* classes to code points (missing: {', '.join(missing[:8])})",
        )
        return False
    if not css_icons:
        warn_nothing_patched("icon font subset", "the theme's CSS declares no --pst-icon-* code points")
        return False
    return True


def _subset_font(stem: str, wanted: set[int], fonts_dir: Path) -> str | None:
    """Write the subset of one theme font; return its @font-face rule (None: no glyph wanted)."""
    from fontTools import subset as ft_subset
    from fontTools.ttLib import TTFont

    family, weight = ICON_FONTS[stem]
    font = TTFont(THEME_STATIC / "vendor" / "fontawesome" / "webfonts" / f"{stem}.ttf")
    have = sorted(wanted & set(font.getBestCmap()))
    if not have:
        warn_nothing_patched("icon font subset", f"no wanted glyph is in the theme's {stem}.ttf")
        return None
    options = ft_subset.Options()
    options.flavor = "woff"  # zlib; woff2 would need brotli
    options.layout_features = []
    options.hinting = False
    options.name_IDs = [0, 1, 2, 3, 4, 5, 6]
    subsetter = ft_subset.Subsetter(options)
    subsetter.populate(unicodes=have)
    subsetter.subset(font)
    font.flavor = "woff"
    font.save(fonts_dir / f"{stem}.woff")
    ranges = ",".join(f"U+{c:X}" for c in have)
    return (
        f'@font-face{{font-family:"{family}";font-style:normal;font-weight:{weight};'
        f'font-display:block;src:url(course-icons/{stem}.woff) format("woff");unicode-range:{ranges}}}'
    )


def _write_subsets(out: Path, by_class: dict[str, int], wanted: set[int]) -> None:
    fonts_dir = out / "course-icons"
    fonts_dir.mkdir(parents=True, exist_ok=True)
    rules = ["/* Generated by _ext/patch_icon_fonts.py: subsets of the theme's Font Awesome fonts. */"]
    rules += [rule for stem in ICON_FONTS if (rule := _subset_font(stem, wanted, fonts_dir))]
    # Decorative glyphs: empty alternative text keeps them out of the accessibility tree.
    rules += [f'.fa-{name}:before{{content:"\\{by_class[name]:x}"/""}}' for name in ICON_CLASSES if name in by_class]
    (out / "course-icons.css").write_text("\n".join(rules) + "\n", encoding="utf-8")


def _icon_subsets(app: Sphinx, config) -> None:
    """Subset the theme's icon fonts to the glyphs it uses; add them with a stylesheet."""
    try:
        import fontTools  # noqa: F401
    except ImportError:  # fontTools comes with matplotlib; without it, the full fonts load
        logger.info("patch_icon_fonts: fontTools not found; using the theme's full icon fonts")
        return
    by_class, css_icons = _theme_icon_codepoints()
    if not check_icon_codepoints(by_class, css_icons):
        return
    wanted = {by_class[name] for name in ICON_CLASSES if name in by_class} | css_icons
    out = Path(app.doctreedir).parent / "course-icons-static"
    key = hashlib.sha256(repr((sorted(wanted), pydata_sphinx_theme.__version__, SUBSET_FORMAT)).encode()).hexdigest()[:12]
    stamp = out / "stamp.txt"
    if not (stamp.exists() and stamp.read_text() == key):
        _write_subsets(out, by_class, wanted)
        stamp.write_text(key)
    paths = list(config.html_static_path)
    if str(out) not in paths:
        paths.append(str(out))
    config.html_static_path = paths
    app.add_css_file("course-icons.css")


def setup(app: Sphinx) -> dict:
    app.connect("config-inited", _icon_subsets)
    return {"parallel_read_safe": True, "parallel_write_safe": True, "version": "1.0"}

#!/usr/bin/python3
"""Subset the kiosk's fonts into assets/fonts/.

Run with Debian's python3 (it has fontTools from the `fonttools` package) after installing
`fonts-morisawa-bizud-gothic` and `fonts-noto-cjk`:

    /usr/bin/python3 assets/fonts/subset-fonts.py

Every face keeps: printable ASCII and common punctuation, all JIS X 0208 characters, and every character
used in booth_config/*.toml and locales/**/*.ftl. The Simplified Chinese face also keeps GB 2312 and the
Korean face all KS X 1001 Hangul syllables, so new content in those languages is usually covered. The
glyph-coverage test (cargo test) fails if content needs a character a face lacks: then re-run this.
"""
import pathlib
import sys
from fontTools import subset
from fontTools.ttLib import TTCollection, TTFont

ROOT = pathlib.Path(__file__).resolve().parent.parent.parent
OUT = ROOT / "assets" / "fonts"
BIZ = pathlib.Path("/usr/share/fonts/truetype/bizud-gothic")
NOTO = pathlib.Path("/usr/share/fonts/opentype/noto")


def two_byte(codec, lead, trail):
    out = set()
    for a in lead:
        for b in trail:
            try:
                out.update(bytes([a, b]).decode(codec))
            except UnicodeDecodeError:
                pass
    return out


def used_chars():
    chars = set()
    for p in list((ROOT / "booth_config").glob("*.toml")) + list((ROOT / "locales").glob("*/*.ftl")):
        chars.update(p.read_text(encoding="utf-8"))
    return {c for c in chars if c >= " "}


base = {chr(c) for c in range(0x20, 0x7F)}
base.update("·×°²³–—‘’“”…•←→↑↓○●◎△▲★☆♪※〜～・「」『』【】（）〔〕［］｛｝〈〉《》、。，．：；！？ー〃々〆〇①②③④⑤⑥⑦⑧⑨⑩⟦⟧✓✗")
jis0208 = two_byte("euc_jp", range(0xA1, 0xF5), range(0xA1, 0xFF))
gb2312 = two_byte("gb2312", range(0xA1, 0xF8), range(0xA1, 0xFF))
hangul = {c for c in two_byte("euc_kr", range(0xB0, 0xC9), range(0xA1, 0xFF)) if "\uac00" <= c <= "\ud7a3"}
common = base | jis0208 | used_chars()


def subset_font(font, chars, out_path):
    opts = subset.Options()
    opts.layout_features = ["*"]
    opts.name_IDs = ["*"]
    opts.name_languages = ["*"]
    opts.notdef_outline = True
    opts.hinting = False
    s = subset.Subsetter(opts)
    s.populate(unicodes=[ord(c) for c in chars])
    s.subset(font)
    font.save(out_path)
    print(f"{out_path.name}: {out_path.stat().st_size / 1e6:.1f} MB, {len(chars)} characters requested")


def noto_face(weight, family):
    ttc = TTCollection(str(NOTO / f"NotoSansCJK-{weight}.ttc"))
    for f in ttc.fonts:
        if f["name"].getDebugName(1) == family:
            return f
    sys.exit(f"{family} not found in NotoSansCJK-{weight}.ttc")


for weight in ["Regular", "Bold"]:
    subset_font(TTFont(str(BIZ / f"BIZUDPGothic-{weight}.ttf")), common, OUT / f"BIZUDPGothic-{weight}.ttf")
    subset_font(noto_face(weight, "Noto Sans CJK SC"), common | gb2312, OUT / f"NotoSansCJKsc-{weight}.otf")
    subset_font(noto_face(weight, "Noto Sans CJK KR"), common | hangul, OUT / f"NotoSansCJKkr-{weight}.otf")

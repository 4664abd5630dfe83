#!/usr/bin/env python3
"""Turn labkit's old Rust string tables into Project Fluent entries (i18n/en.ftl, i18n/pt.ftl).

labkit's own words used to live in two Rust arrays, `EN` and `PT`, of `("key", "text")` tuples
in src/i18n.rs. They now live in i18n/<lang>.ftl. This script converts tuples to Fluent, so that
work done on branches that still append tuples to those arrays can be carried over:

    # whole conversion (what produced i18n/*.ftl; overwrites them)
    scripts/i18n_to_ftl.py convert OLD_I18N.rs --out-dir i18n

    # after merging a branch that appended tuples to EN / PT: add the keys the .ftl files lack,
    # and, given the merge base, update the keys the branch changed
    git show BRANCH:src/i18n.rs > /tmp/theirs.rs
    git show $(git merge-base HEAD BRANCH):src/i18n.rs > /tmp/base.rs
    scripts/i18n_to_ftl.py append /tmp/theirs.rs --base /tmp/base.rs --out-dir i18n

    # print one tuple (or a file of tuples) as Fluent, to paste by hand
    scripts/i18n_to_ftl.py print SNIPPET.rs

Rules (the same as src/i18n.rs reads them back):
- Key `a.b_c` becomes the Fluent id `a-b_c`, and a hyphen inside a part is doubled:
  `help.calc.sample-size.about` is `help-calc-sample--size-about` (Fluent ids cannot hold dots;
  a key's parts never start or end with `-`, so the mapping goes both ways). Rust code keeps
  using the dotted keys.
- `{name}` becomes the variable `{ $name }`; any other brace becomes a literal `{"{"}`/`{"}"}`.
- `one|other` texts whose two halves both hold `{n}` (the old `tn` convention) become a CLDR
  plural select on `$n`.
- Leading/trailing spaces, line starts `[`, `*`, `.` and empty texts are quoted, so the text
  Fluent gives back is byte for byte the tuple's text.
Python 3 standard library only.
"""

import argparse
import re
import sys
from pathlib import Path

SEGMENT = r"[a-z0-9_]+(?:-[a-z0-9_]+)*"
KEY_RE = re.compile(rf"^[a-z]{SEGMENT[0:0]}[a-z0-9_]*(?:-[a-z0-9_]+)*(?:\.{SEGMENT})*$")
# As the old `fill` read them: any `{name}`, also inside other braces (`{{{id}}}` is `{{` + id + `}}`).
VAR_RE = re.compile(r"\{([a-z_][a-z0-9_]*)\}")


def rust_string(src, i):
    """Parse a Rust string literal starting at src[i] == '"'; return (text, next index)."""
    assert src[i] == '"'
    i += 1
    out = []
    while True:
        c = src[i]
        if c == '"':
            return "".join(out), i + 1
        if c == "\\":
            e = src[i + 1]
            if e == "n":
                out.append("\n")
                i += 2
            elif e == "t":
                out.append("\t")
                i += 2
            elif e == "r":
                out.append("\r")
                i += 2
            elif e == "0":
                out.append("\0")
                i += 2
            elif e in "\\\"'":
                out.append(e)
                i += 2
            elif e == "u":
                close = src.index("}", i)
                out.append(chr(int(src[i + 3 : close], 16)))
                i = close + 1
            elif e == "\n":
                i += 2
                while src[i] in " \t\n\r":
                    i += 1
            else:
                raise SystemExit(f"unknown escape \\{e} near: {src[i:i+40]!r}")
        else:
            out.append(c)
            i += 1


def parse_tuples(src):
    """Every ("key", "text") tuple and `//` comment in src, in order: ('entry', k, v) or
    ('comment', text)."""
    items = []
    i = 0
    n = len(src)
    while i < n:
        c = src[i]
        if src.startswith("//", i):
            end = src.find("\n", i)
            end = n if end < 0 else end
            items.append(("comment", src[i + 2 : end].strip()))
            i = end
        elif c == "(":
            j = i + 1
            while src[j] in " \t\r\n":
                j += 1
            if src[j] != '"':
                i += 1
                continue
            key, j = rust_string(src, j)
            while src[j] in " \t\r\n":
                j += 1
            if src[j] != ",":
                i += 1
                continue
            j += 1
            while src[j] in " \t\r\n":
                j += 1
            if src[j] != '"':
                i += 1
                continue
            text, j = rust_string(src, j)
            while src[j] in " \t\r\n,":
                j += 1
            if src[j] != ")":
                raise SystemExit(f"not a (key, text) tuple: {src[i:i+60]!r}")
            items.append(("entry", key, text))
            i = j + 1
        elif c == '"':
            _, i = rust_string(src, i)
        else:
            i += 1
    return items


def catalogues(src):
    """{'en': items, 'pt': items} from a file holding `const EN` and `const PT` arrays; a file
    with neither (a snippet of tuples) gives {'': items}."""
    found = {}
    for m in re.finditer(r"const ([A-Z]{2,3}): &\[\(&str, &str\)\] = &\[", src):
        start = m.end()
        end = src.index("\n];", start)
        found[m.group(1).lower()] = parse_tuples(src[start:end])
    if not found:
        found[""] = parse_tuples(src)
    return found


def ftl_id(key):
    if not KEY_RE.match(key):
        raise SystemExit(
            f"key `{key}`: use lowercase letters, digits, `_`, `.` between parts and `-` inside one"
        )
    return key.replace("-", "--").replace(".", "-")


def quote(s):
    return '{"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"}'


def escape_line(line, raw_indent=False):
    """One line of text as Fluent pattern text (placeables for variables, quoted specials).
    raw_indent: the line sits in a block where another line has no indent, so Fluent keeps
    this line's extra spaces as they are (more readable than quoting them)."""
    if line == "":
        return ""
    out = []
    # Leading and trailing spaces would be eaten by Fluent's indentation rules.
    lead = len(line) - len(line.lstrip(" \t"))
    trail = len(line) - len(line.rstrip(" \t"))
    if lead == len(line):
        return quote(line)
    body = line[lead : len(line) - trail if trail else None]
    if lead and raw_indent and "\t" not in line[:lead]:
        out.append(line[:lead])
        if body[0] in "[*.":
            out.append(quote(body[0]))
            body = body[1:]
    elif lead:
        out.append(quote(line[:lead]))
    elif body[0] in "[*.":
        out.append(quote(body[0]))
        body = body[1:]
    pos = 0
    for m in VAR_RE.finditer(body):
        out.append(literal(body[pos : m.start()]))
        out.append("{ $" + m.group(1) + " }")
        pos = m.end()
    out.append(literal(body[pos:]))
    if trail:
        out.append(quote(line[len(line) - trail :]))
    return "".join(out)


def literal(text):
    """Plain text with each run of braces quoted: `{{#if x}}` reads `{"{{"}#if x{"}}"}`."""
    return re.sub(r"[{}]+", lambda m: quote(m.group(0)), text)


def pattern(text, indent="    "):
    """The text as a Fluent pattern: the part after `id =`."""
    if text == "":
        return " " + quote("")
    lines = text.split("\n")
    if len(lines) == 1:
        return " " + escape_line(lines[0])
    # A blank line (or a trailing newline) in the middle of a block is kept by Fluent, but a
    # blank last line is not: quote a final empty line as {""} after the newline.
    flush = any(line and line[0] not in " \t" for line in lines)
    body = [escape_line(line, raw_indent=flush) for line in lines]
    if body[-1] == "":
        body[-1] = quote("")
    return "\n" + "\n".join(indent + b if b else "" for b in body)


def is_plural(text):
    parts = text.split("|")
    return len(parts) == 2 and all("{n}" in p for p in parts) and "\n" not in text


def entry(key, text):
    fid = ftl_id(key)
    if is_plural(text):
        one, other = text.split("|")
        return (
            f"{fid} =\n    {{ $n ->\n        [one]{pattern(one)}\n       *[other]{pattern(other)}\n    }}\n"
        )
    return f"{fid} ={pattern(text)}\n"


HEADER = {
    "en": "### labkit's own words in English. Ids are the Rust keys with `.` written as `-` and a `-` inside\n"
    "### a part doubled (`help.calc.sample-size.about` is `help-calc-sample--size-about`).\n"
    "### See docs/translating.md.\n\n",
    "pt": "### As palavras do próprio labkit em português europeu. Ids: as chaves Rust com `-` por `.` e um\n"
    "### `-` dentro de uma parte dobrado (`help.calc.sample-size.about` é `help-calc-sample--size-about`).\n"
    "### Ver docs/translating.md.\n\n",
}


def render(items):
    out = []
    for item in items:
        if item[0] == "comment":
            out.append(f"\n## {item[1]}\n\n")
        else:
            out.append(entry(item[1], item[2]))
    return "".join(out)


def existing_ids(ftl_text):
    return set(re.findall(r"^([a-zA-Z][a-zA-Z0-9_-]*) =", ftl_text, re.M))


def replace_entry(ftl_text, fid, new_entry):
    """Replace the entry `fid` (its line and its indented continuation lines)."""
    m = re.search(rf"^{re.escape(fid)} =.*\n(?:(?:[ \t]+.*)?\n)*?(?=\S|\Z)", ftl_text, re.M)
    if not m:
        raise SystemExit(f"entry {fid} not found")
    block = m.group(0)
    tail = block[len(block.rstrip("\n")) + 1 :]
    return ftl_text[: m.start()] + new_entry + tail + ftl_text[m.end() :]


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("mode", choices=["convert", "append", "print"])
    ap.add_argument("rust_file", type=Path)
    ap.add_argument("--out-dir", type=Path, default=Path("i18n"))
    ap.add_argument("--base", type=Path, help="append: the merge base's i18n.rs (updates changed keys)")
    ap.add_argument("--lang", default="", help="print/append a snippet without EN/PT arrays as LANG")
    args = ap.parse_args()
    cats = catalogues(args.rust_file.read_text(encoding="utf-8"))
    if "" in cats and args.lang:
        cats = {args.lang: cats[""]}
    if args.mode == "print":
        for lang, items in cats.items():
            if len(cats) > 1:
                print(f"# ---- {lang}.ftl")
            sys.stdout.write(render(items))
        return
    if args.mode == "convert":
        for lang, items in cats.items():
            if not lang:
                raise SystemExit("convert needs a file with `const EN` / `const PT` arrays")
            path = args.out_dir / f"{lang}.ftl"
            path.write_text(HEADER.get(lang, "") + render(items).replace("\n\n\n", "\n\n"), encoding="utf-8")
            n = sum(1 for i in items if i[0] == "entry")
            print(f"{path}: {n} messages")
        return
    base = {}
    if args.base:
        for lang, items in catalogues(args.base.read_text(encoding="utf-8")).items():
            base[lang] = {i[1]: i[2] for i in items if i[0] == "entry"}
    for lang, items in cats.items():
        if not lang:
            raise SystemExit("append: a snippet without EN/PT arrays needs --lang en|pt")
        path = args.out_dir / f"{lang}.ftl"
        ftl = path.read_text(encoding="utf-8")
        have = existing_ids(ftl)
        added, updated, skipped = [], [], []
        new = []
        for item in items:
            if item[0] != "entry":
                continue
            key, text = item[1], item[2]
            fid = ftl_id(key)
            if fid not in have:
                if lang in base and key in base[lang]:
                    # In the merge base and not in the .ftl: removed on purpose here.
                    skipped.append(key)
                    continue
                new.append(entry(key, text))
                added.append(key)
            elif lang in base and key in base[lang] and base[lang][key] != text:
                ftl = replace_entry(ftl, fid, entry(key, text))
                updated.append(key)
        if new:
            if not ftl.endswith("\n"):
                ftl += "\n"
            ftl += "".join(new)
        path.write_text(ftl, encoding="utf-8")
        print(f"{path}: {len(added)} added, {len(updated)} updated")
        for k in added:
            print(f"  + {k}")
        for k in updated:
            print(f"  ~ {k}  (changed on the branch: check any plural select by hand)")
        for k in skipped:
            print(f"  - {k}  (in the merge base but no longer in {path}: left out)")


if __name__ == "__main__":
    main()

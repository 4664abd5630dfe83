#!/usr/bin/env python3
"""Turns the report templates' `{{#if (eq lang "pt")}}PT{{else}}EN{{/if}}` labels into
`{{t "report.<template>.<slug>"}}` lookups of Fluent messages, appended to i18n/en.ftl and
i18n/pt.ftl, so a language added by a file drop can translate them (docs/translating.md).

Only plain labels are converted: one line, no Handlebars inside, and text that labkit's
Markdown escaping (what `{{t}}` applies) leaves as it is, so English and Portuguese reports do not
change. Labels with Handlebars inside (a choice of words by value) stay as they are.
Run from the repository root; idempotent (a second run finds nothing left to convert)."""
import re, sys, pathlib

root = pathlib.Path(__file__).resolve().parent.parent
PAT = re.compile(r'\{\{#if \(eq (?:lang|\.\./lang|@root\.lang) "pt"\)\}\}((?:(?!\{\{)[^\n])*?)\{\{else\}\}((?:(?!\{\{)[^\n])*?)\{\{/if\}\}')
BAD = set('\\`*_[]<>|~{}&"')

def safe(text):
    if not text or text != text.strip():
        return False
    if any(c in BAD for c in text):
        return False
    if text[0] in '#-+=.[':
        return False
    m = re.match(r'\d+', text)
    if m and text[m.end():m.end() + 1] in ('.', ')'):
        return False
    return True

def slug(en):
    s = re.sub(r'[^a-z0-9]+', '_', en.lower()).strip('_')[:40].strip('_')
    return s or 'label'

def fluent_id(key):
    return key.replace('-', '--').replace('.', '-')

en_new, pt_new, converted, left = [], [], 0, 0
OPEN = re.compile(r'\{\{#if \(eq (?:lang|\.\./lang|@root\.lang) "pt"\)\}\}')
TAG = re.compile(r'\{\{[^}]*\}\}')

def split_block(text, start):
    """From just after an opening `{{#if (eq lang "pt")}}`: (pt, en, end) of the balanced block."""
    depth, pos, mid = 0, start, None
    while True:
        m = TAG.search(text, pos)
        if not m:
            return None
        tag = m.group(0)
        if tag.startswith('{{#') and not tag.startswith('{{#>'):
            depth += 1
        elif tag.startswith('{{/'):
            if depth == 0:
                if mid is None:
                    return None
                return text[start:mid[0]], text[mid[1]:m.start()], m.end()
            depth -= 1
        elif tag == '{{else}}' and depth == 0:
            mid = (m.start(), m.end())
        pos = m.end()

def pieces(text):
    out, pos = [], 0
    for m in TAG.finditer(text):
        out.append(('text', text[pos:m.start()]))
        out.append(('tag', m.group(0)))
        pos = m.end()
    out.append(('text', text[pos:]))
    return out

def nested(text, stem, keys, used):
    """Blocks whose two branches have the same Handlebars and differ only in their words."""
    global converted
    pos = 0
    while True:
        m = OPEN.search(text, pos)
        if not m:
            return text
        block = split_block(text, m.end())
        if block is None:
            pos = m.end()
            continue
        pt, en, end = block
        a, b = pieces(pt), pieces(en)
        if '\n' in pt or '\n' in en or [x for x in a if x[0] == 'tag'] != [x for x in b if x[0] == 'tag'] or len(a) != len(b):
            pos = m.end()
            continue
        out, ok, labels = [], True, []
        for (kind, x), (_, y) in zip(a, b):
            if kind == 'tag' or (x == y and not re.search('[A-Za-z]', x)):
                out.append(y)
                continue
            lead = len(y) - len(y.lstrip(' '))
            trail = len(y) - len(y.rstrip(' '))
            xc, yc = x[lead:len(x) - trail], y[lead:len(y) - trail]
            if x[:lead] != y[:lead] or (trail and x[-trail:] != y[-trail:]) or not (safe(xc) and safe(yc)):
                ok = False
                break
            labels.append((xc, yc))
            out.append((y[:lead], (xc, yc), y[len(y) - trail:]))
        if not ok:
            pos = m.end()
            continue
        rendered = []
        for piece in out:
            if isinstance(piece, str):
                rendered.append(piece)
                continue
            lead, (xc, yc), trail = piece
            if (xc, yc) not in keys:
                base = f'report.{stem}.{slug(yc)}'
                key, n = base, 2
                while key in used:
                    key, n = f'{base}_{n}', n + 1
                used.add(key)
                keys[(xc, yc)] = key
                en_new.append(f'{fluent_id(key)} = {yc}')
                pt_new.append(f'{fluent_id(key)} = {xc}')
            converted += 1
            rendered.append(f'{lead}{{{{t "{keys[(xc, yc)]}"}}}}{trail}')
        replacement = ''.join(rendered)
        text = text[:m.start()] + replacement + text[end:]
        pos = m.start() + len(replacement)

for path in sorted((root / 'templates').glob('*.md.hbs')):
    stem = path.name[:-len('.md.hbs')]
    text = path.read_text()
    keys = {}  # (pt, en) -> key
    used = set()

    def repl(m):
        global converted
        pt, en = m.group(1), m.group(2)
        # Keep outer spaces outside the lookup when both languages have the same ones.
        lead = len(en) - len(en.lstrip(' '))
        trail = len(en) - len(en.rstrip(' '))
        if pt[:lead] != en[:lead] or (trail and pt[-trail:] != en[-trail:]):
            return m.group(0)
        pt_core, en_core = pt[lead:len(pt) - trail], en[lead:len(en) - trail]
        if not (safe(pt_core) and safe(en_core)):
            return m.group(0)
        if (pt_core, en_core) not in keys:
            base = f'report.{stem}.{slug(en_core)}'
            key, n = base, 2
            while key in used:
                key, n = f'{base}_{n}', n + 1
            used.add(key)
            keys[(pt_core, en_core)] = key
            en_new.append(f'{fluent_id(key)} = {en_core}')
            pt_new.append(f'{fluent_id(key)} = {pt_core}')
        converted += 1
        return f'{en[:lead]}{{{{t "{keys[(pt_core, en_core)]}"}}}}{en[len(en) - trail:]}'

    new = PAT.sub(repl, text)
    new = nested(new, stem, keys, used)
    left += len(re.findall(r'eq (?:lang|\.\./lang|@root\.lang) "pt"', new))
    if new != text:
        path.write_text(new)

if en_new:
    for name, lines, head in (('en.ftl', en_new, '## Report templates: their labels, one group per template'),
                              ('pt.ftl', pt_new, '## Modelos de relatório: os seus rótulos, um grupo por modelo')):
        f = root / 'i18n' / name
        body = f.read_text()
        if not body.endswith('\n'):
            body += '\n'
        f.write_text(body + '\n' + head + '\n' + '\n'.join(lines) + '\n')
print(f'converted {converted} labels into {len(en_new)} messages; {left} `eq lang "pt"` left', file=sys.stderr)

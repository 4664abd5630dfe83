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

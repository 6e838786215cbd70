#!/usr/bin/env python3
"""Checks every relative link of the repository's markdown files: the file or folder it names
exists inside the repository and, when it points into a markdown file, the #anchor is one of that
file's headings (as GitHub makes them: lower case, punctuation dropped, spaces to hyphens, -1, -2
for repeats) or an explicit <a id="..."> / <a name="...">.

With no arguments it checks every .md file of the repository (README.md, docs/, every module's
README.md, ...), leaving out build output (target/) and hidden folders (.git, .local, ...); with
arguments, only the files named. Offline: links with a scheme (https:, mailto:, ...) are not
fetched. Links are inline ([text](target), ![alt](target), with or without a "title"), reference
definitions ([id]: target) and HTML href/src attributes; text in code blocks, code spans and HTML
comments is not a link. Prints each bad link as file:line and exits 1 if there is any.

    python3 ops/check-doc-links.py            # CI runs this (.ci/run)
    python3 ops/check-doc-links.py README.md  # one file
"""
import os
import re
import sys
from urllib.parse import unquote

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SKIPPED_DIRS = {'target', 'node_modules'}

FENCE = re.compile(r'^ {0,3}(`{3,}|~{3,}).*?^ {0,3}\1[`~]*[ \t]*$', re.M | re.S)
COMMENT = re.compile(r'<!--.*?-->', re.S)
CODE_SPAN = re.compile(r'(`+)(?!`).+?(?<!`)\1(?!`)', re.S)
INLINE = re.compile(r'\]\(\s*(<[^>\n]*>|[^)\s]*)(?:\s+(?:"[^"]*"|\'[^\']*\'))?\s*\)')
REFERENCE = re.compile(r'^ {0,3}\[[^\]]+\]:\s*(<[^>\n]*>|\S+)', re.M)
HTML = re.compile(r'\b(?:href|src)\s*=\s*"([^"]*)"', re.I)
ATX = re.compile(r'^ {0,3}#{1,6}(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$')
SETEXT = re.compile(r'^ {0,3}(=+|-+)[ \t]*$')
EXPLICIT = re.compile(r'<a\s[^>]*\b(?:id|name)\s*=\s*"([^"]+)"', re.I)


def blank(match):
    """The match replaced by spaces, its line breaks kept, so that line numbers stay right."""
    return re.sub(r'[^\n]', ' ', match.group(0))


def prose(text):
    """The text without code blocks, HTML comments and code spans (blanked, lines kept)."""
    text = FENCE.sub(blank, text)
    text = COMMENT.sub(blank, text)
    return CODE_SPAN.sub(blank, text)


def slug(heading):
    """GitHub's anchor for a heading's text."""
    text = re.sub(r'!?\[([^\]]*)\]\([^)]*\)', r'\1', heading)  # a link or image: its text
    text = re.sub(r'<[^>]+>', '', text)  # HTML tags
    text = text.replace('`', '').strip().lower()
    text = re.sub(r'[^\w\- ]', '', text)
    return text.replace(' ', '-')


_anchors = {}


def anchors(path):
    """Every anchor a markdown file offers: its headings' slugs (repeats numbered) and explicit ids."""
    if path not in _anchors:
        text = open(path, encoding='utf-8').read()
        lines = FENCE.sub(blank, COMMENT.sub(blank, text)).split('\n')
        found, seen = set(), {}
        for i, line in enumerate(lines):
            m = ATX.match(line)
            if m and not line.lstrip().startswith('#!'):
                heading = m.group(1) or ''
            elif (i > 0 and SETEXT.match(line) and lines[i - 1].strip()
                    and not lines[i - 1].lstrip().startswith(('|', '#', '-', '*', '>'))):
                heading = lines[i - 1]
            else:
                continue
            base = slug(heading)
            n = seen.get(base, 0)
            seen[base] = n + 1
            found.add(base if n == 0 else f'{base}-{n}')
        found.update(EXPLICIT.findall(text))
        _anchors[path] = found
    return _anchors[path]


def links(text):
    """(line, target) for every link in the text."""
    text = prose(text)
    for pattern in (INLINE, REFERENCE, HTML):
        for m in pattern.finditer(text):
            yield text.count('\n', 0, m.start(1)) + 1, m.group(1).strip('<>')


def check(md):
    """The problems of one markdown file's links, as messages."""
    problems = []
    rel = os.path.relpath(md, ROOT)
    for line, target in links(open(md, encoding='utf-8').read()):
        where = f'{rel}:{line}'
        if not target:
            problems.append((line, f'{where}: empty link'))
            continue
        if re.match(r'[A-Za-z][A-Za-z0-9+.-]*:', target) or target.startswith('//'):
            continue  # an address elsewhere: not fetched (offline)
        file_part, _, anchor = target.partition('#')
        file_part = unquote(file_part.split('?')[0])
        if not file_part:
            path = md
        elif file_part.startswith('/'):
            path = os.path.normpath(os.path.join(ROOT, file_part.lstrip('/')))
        else:
            path = os.path.normpath(os.path.join(os.path.dirname(md), file_part))
        if os.path.commonpath([ROOT, path]) != ROOT:
            problems.append((line, f'{where}: {target} points outside the repository'))
        elif not os.path.exists(path):
            problems.append((line, f'{where}: {target}: no such file'))
        elif anchor and path.endswith('.md') and os.path.isfile(path):
            if unquote(anchor) not in anchors(path):
                problems.append((line, f'{where}: {target}: no heading or anchor #{anchor} in {os.path.relpath(path, ROOT)}'))
    return [message for _, message in sorted(problems)]


def markdown_files():
    for folder, dirs, files in os.walk(ROOT):
        dirs[:] = sorted(d for d in dirs if not d.startswith('.') and d not in SKIPPED_DIRS)
        for name in sorted(files):
            if name.endswith('.md'):
                yield os.path.join(folder, name)


def main(args):
    files = [os.path.abspath(a) for a in args] or list(markdown_files())
    problems = [p for md in files for p in check(md)]
    for p in problems:
        print(p)
    print(f'check-doc-links: {len(files)} markdown file(s), {len(problems)} bad link(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))

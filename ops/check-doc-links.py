#!/usr/bin/env python3
"""Checks the relative links (files and #anchors) of the given markdown files."""
import os, re, sys
def anchors(path):
    out = set()
    for l in open(path):
        m = re.match(r'#+\s+(.*)', l)
        if m:
            a = re.sub(r'[^\w\- ]', '', m.group(1).strip().lower()).replace(' ', '-')
            out.add(a)
    return out
bad = 0
for md in sys.argv[1:]:
    text = re.sub(r'```.*?```', '', open(md).read(), flags=re.S)
    for t in re.findall(r'\]\(([^)\s]+)\)', text):
        if re.match(r'[a-z]+:', t): continue
        f, _, a = t.partition('#')
        target = os.path.normpath(os.path.join(os.path.dirname(md), f)) if f else md
        if not os.path.exists(target):
            print(f'{md}: missing file {t}'); bad += 1
        elif a and target.endswith('.md') and a not in anchors(target):
            print(f'{md}: missing anchor {t}'); bad += 1
print(f'{bad} bad link(s)'); sys.exit(1 if bad else 0)

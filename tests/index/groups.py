#!/usr/bin/env python3
"""Canonical groups, one line each ("original: member member ..."), from
`winnow dedup --emit groups` (groups.py groups FILE) or from `winnow index
export` (groups.py export FILE), so that the two can be diffed; with
--members after FILE, the members only (the groups, whoever is original)."""
import json
import sys
from collections import defaultdict

kind, path = sys.argv[1], sys.argv[2]
members_only = len(sys.argv) > 3 and sys.argv[3] == '--members'  # the groups, not their originals
groups = defaultdict(list)
with open(path, encoding='utf-8') as f:
    for line in f:
        r = json.loads(line)
        if kind == 'groups':
            groups[r['original']] = sorted(r['members'])
        else:
            groups[r['original']].append(r['id'])
for original in sorted(groups):
    members = sorted(groups[original])
    if len(members) >= 2:
        print(' '.join(members) if members_only else original + ': ' + ' '.join(members))

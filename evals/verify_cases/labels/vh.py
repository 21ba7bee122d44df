import json
from decimal import Decimal, ROUND_HALF_UP
EV = str(__import__('pathlib').Path(__file__).resolve().parents[1] / 'evidence') + '/'
FILES = ['sentiment_attribution','question_whatif','review_lens','probe_sentiment','csv_arthritis','csv_caschool','audit_teams']
REC = {}
for f in FILES:
    d = json.load(open(EV + f + '.json'))
    REC[f] = {r['id']: r for r in d['evidence']}
LOG = []

def val(f, e, s, q, i=0):
    hits = [fa['value'] for fa in REC[f][e]['facts'] if fa['subject'] == s and fa['quantity'] == q]
    if not hits:
        raise KeyError((f, e, s, q))
    LOG.append([e, s, q])
    return hits[i]

def has(f, e, s, q):
    return any(fa['subject'] == s and fa['quantity'] == q for fa in REC[f].get(e, {'facts': []})['facts'])

def allq(f, e, q):
    out = []
    for fa in REC[f][e]['facts']:
        if fa['quantity'] == q:
            out.append((fa['subject'], fa['value']))
            LOG.append([e, fa['subject'], q])
    return out

def _dec(t):
    return len(t.split('.')[1]) if '.' in t else 0

def m(x, s):
    """stated string s equals x rounded to the stated precision (s may end with %)"""
    pct = s.endswith('%')
    t = s.rstrip('%')
    y = Decimal(repr(x * 100 if pct else x))
    q = Decimal(1).scaleb(-_dec(t))
    return y.quantize(q, rounding=ROUND_HALF_UP) == Decimal(t)

def h(x, s):
    """hedged: rounding match or within 5% relative"""
    pct = s.endswith('%')
    st = float(s.rstrip('%'))
    y = x * 100 if pct else x
    return m(x, s) or abs(st - y) <= 0.05 * abs(y)

def rt(a, b, k):
    return abs((a / b) / k - 1) <= 0.10

def near(a, b):
    r1 = abs(a - b) / abs(a) <= 0.10
    r2 = abs(a - b) / abs(b) <= 0.10
    assert r1 == r2, ('borderline near', a, b)
    return r1

TH = {'cramers_v': (0.10, 0.30, 0.50), 'r': (0.10, 0.30, 0.50), 'eta': (0.01, 0.06, 0.14), 'auc': (0.60, 0.70, 0.80)}
def strength(meas, v):
    a, b, c = TH[meas]
    v = abs(v)
    return 'negligible' if v < a else 'weak' if v < b else 'moderate' if v < c else 'strong'

def conf(p):
    return 'confident' if p >= 0.70 else 'fairly' if p >= 0.50 else 'unsure'

def sig(p, level=0.05):
    return p < level

def top(pairs):
    return max(pairs, key=lambda t: t[1])[0]
def bottom(pairs):
    return min(pairs, key=lambda t: t[1])[0]
def second(pairs):
    return sorted(pairs, key=lambda t: -t[1])[1][0]
def topabs(pairs):
    return max(pairs, key=lambda t: abs(t[1]))[0]

def F(f):
    return lambda e, s, q, i=0: val(f, e, s, q, i)

sa, qw, rl, ps, ca, cs, at = [F(f) for f in FILES]
SHORT = dict(zip(['sa','qw','rl','ps','ca','cs','at'], FILES))

import re
def cite(text, e):
    t = text.rstrip()
    if t.endswith('.'):
        return t[:-1] + ' [' + e + '].'
    return t + ' [' + e + ']'

def build(cases, path, cite_mod=2):
    out = []
    bad = []
    elig = 0
    for c in cases:
        short, text, truth, kind, why, chk = c[:6]
        extra = c[6] if len(c) > 6 else None
        del LOG[:]
        if chk is not None:
            got = bool(chk())
            if got != truth:
                bad.append((text, truth, got))
        if chk is not None and not extra and not re.search(r'\[E\d', text) and kind not in ('framing', 'judgement'):
            eids = {x[0] for x in LOG}
            if len(eids) == 1:
                elig += 1
                if elig % cite_mod == 0:
                    text = cite(text, eids.pop())
        facts = []
        for x in (extra or []) + LOG:
            if x not in facts:
                facts.append(x)
        out.append({'file': SHORT[short], 'text': text, 'truth': truth, 'kind': kind, 'why': why, 'facts': facts})
    for b in bad:
        print('MISMATCH', b)
    texts = [o['text'] for o in out]
    dup = {t for t in texts if texts.count(t) > 1}
    if dup:
        print('DUP', dup)
    with open(path, 'w') as fh:
        for o in out:
            fh.write(json.dumps(o, ensure_ascii=False) + '\n')
    return out, bad

#!/usr/bin/env python3
"""The import graph of src/, from the `use` lines and `crate::`/`super::`
paths of each file (tests and comments left out): fails on a cycle between
modules (each file is one; a folder's files may use their parent, which
declares them) and on an import running back up the layers below, from a
module to one of a higher layer. CI runs it (`.ci/run`).

Usage: scripts/modules.py [-v]   (-v prints every module's imports)
"""
import os, re, sys

# The layers, lowest first: a module may use its own layer and those below.
LAYERS = [
    ["span", "money", "dates", "audit"],
    ["i18n"],
    ["codes", "diag"],
    ["language"],
    ["input"],
    ["eval", "order", "progress", "source"],
    ["run", "reference", "draft"],
    ["report", "explain", "testing"],
    ["cli", "lsp"],
]

os.chdir(os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
root = "src"
mods = {}
for d, _, fs in os.walk(root):
    for f in fs:
        if not f.endswith(".rs"): continue
        p = os.path.join(d, f)
        rel = os.path.relpath(p, root)[:-3].split(os.sep)
        if rel[-1] == "mod": rel = rel[:-1]
        if rel in (["lib"], ["main"]): rel = []
        mods["::".join(rel)] = p
def strip(text):
    i = text.find("#[cfg(test)]\nmod tests")
    if i >= 0: text = text[:i]
    text = re.sub(r"//[^\n]*", "", text)
    return text
def expand(s):
    # expand use-trees: a::{b, c::{d}} -> a::b, a::c::d
    out = []
    s = re.sub(r"\s+as\s+\w+", "", s)
    s = s.replace(" ", "").replace("\n", "")
    def rec(prefix, s):
        depth = 0; start = 0; parts = []
        for i, ch in enumerate(s):
            if ch == "{": depth += 1
            elif ch == "}": depth -= 1
            elif ch == "," and depth == 0:
                parts.append(s[start:i]); start = i + 1
        parts.append(s[start:])
        for part in parts:
            if not part: continue
            m = part.find("{")
            if m >= 0:
                rec(prefix + part[:m], part[m+1:part.rfind("}")])
            else:
                out.append(prefix + part)
    rec("", s)
    return out
edges = {}
for m, p in mods.items():
    text = strip(open(p, encoding="utf-8").read())
    here = m.split("::") if m else []
    refs = []
    for u in re.finditer(r"\buse\s+([^;]+);", text):
        refs += expand(u.group(1))
    refs += re.findall(r"\b(crate(?:::\w+)+)", text)
    refs += re.findall(r"\b((?:super::)+\w+(?:::\w+)*)", text)
    tgt = set()
    for r in refs:
        parts = r.split("::")
        if parts[0] == "crate": path = parts[1:]
        elif parts[0] == "super":
            base = here[:] if not p.endswith("mod.rs") and not p.endswith("lib.rs") else here[:] + ["_"]
            base = base[:-1]
            while parts and parts[0] == "super":
                parts = parts[1:]; base = base[:-1] if parts and parts[0] == "super" else base
            path = base + parts
        elif parts[0] == "self": path = here + parts[1:]
        else: continue
        while path and "::".join(path) not in mods: path = path[:-1]
        t = "::".join(path)
        if t and t != m:
            tgt.add(t)
    edges[m] = tgt
# Tarjan SCC
idx = {}; low = {}; st = []; on = set(); sccs = []; c = [0]
sys.setrecursionlimit(10000)
def sc(v):
    idx[v] = low[v] = c[0]; c[0] += 1; st.append(v); on.add(v)
    for w in edges.get(v, ()):
        if w not in idx: sc(w); low[v] = min(low[v], low[w])
        elif w in on: low[v] = min(low[v], idx[w])
    if low[v] == idx[v]:
        comp = []
        while True:
            w = st.pop(); on.discard(w); comp.append(w)
            if w == v: break
        if len(comp) > 1: sccs.append(sorted(comp))
for v in list(edges):
    if v not in idx: sc(v)
if "-v" in sys.argv:
    for m in sorted(edges): print(m or "<lib>", "->", ", ".join(sorted(edges[m])))
for comp in sccs:
    print("cycle:", " ".join(comp))
    for a in comp:
        print("   ", a, "->", ", ".join(sorted(x for x in edges[a] if x in comp)))

def layer(m):
    top = m.split("::")[0]
    for i, names in enumerate(LAYERS):
        if top in names:
            return i
    return None

upward = []
unplaced = sorted({m.split("::")[0] for m in edges if m and layer(m) is None})
for m in sorted(edges):
    if not m:
        continue
    for t in sorted(edges[m]):
        if layer(m) is not None and layer(t) is not None and layer(t) > layer(m):
            upward.append((m, t))
for m, t in upward:
    print(f"up the layers: {m} (layer {layer(m)}) uses {t} (layer {layer(t)})")
for m in unplaced:
    print(f"no layer: {m} (add it to LAYERS in scripts/modules.py)")
if sccs or upward or unplaced:
    sys.exit(1)
print(f"{len(edges)} modules: no import cycle, none up the layers")

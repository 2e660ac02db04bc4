#!/usr/bin/python3
"""The exact shortest tour of each instance route_bench wrote, for the gaps.

  /usr/bin/python3 bench/route_exact.py DIR > optima.csv

A symmetric TSP as an integer program (an edge variable for each pair, two
edges at every point) solved by HiGHS through scipy.optimize.milp; subtours
are cut (Dantzig–Fulkerson–Johnson) and the program solved again until the
solution is one tour, which is then optimal. Needs python3-scipy (Debian's
package, 1.10 or later); only for the benchmark, never for the build or tests.
"""
import os
import re
import sys

import numpy as np
from scipy.optimize import Bounds, LinearConstraint, milp
from scipy.sparse import lil_matrix


def components(n, chosen):
    adj = [[] for _ in range(n)]
    for i, j in chosen:
        adj[i].append(j)
        adj[j].append(i)
    seen, out = [False] * n, []
    for s in range(n):
        if seen[s]:
            continue
        stack, comp = [s], []
        seen[s] = True
        while stack:
            v = stack.pop()
            comp.append(v)
            for w in adj[v]:
                if not seen[w]:
                    seen[w] = True
                    stack.append(w)
        out.append(comp)
    return out


def solve(m):
    n = len(m)
    edges = [(i, j) for i in range(n) for j in range(i + 1, n)]
    index = {e: k for k, e in enumerate(edges)}
    cost = np.array([m[i][j] for i, j in edges])
    degree = lil_matrix((n, len(edges)))
    for k, (i, j) in enumerate(edges):
        degree[i, k] = 1
        degree[j, k] = 1
    constraints = [LinearConstraint(degree.tocsr(), 2, 2)]
    while True:
        res = milp(cost, constraints=constraints, integrality=np.ones(len(edges)), bounds=Bounds(0, 1),
                   options={"mip_rel_gap": 0})
        if not res.success:
            raise RuntimeError(res.message)
        chosen = [edges[k] for k in range(len(edges)) if res.x[k] > 0.5]
        comps = components(n, chosen)
        if len(comps) == 1:
            return sum(m[i][j] for i, j in chosen)
        cut = lil_matrix((len(comps), len(edges)))
        for r, comp in enumerate(comps):
            for a in comp:
                for b in comp:
                    if a < b:
                        cut[r, index[(a, b)]] = 1
        constraints.append(LinearConstraint(cut.tocsr(), -np.inf, [len(c) - 1 for c in comps]))


def main():
    d = sys.argv[1]
    print("n,seed,optimum")
    names = sorted(os.listdir(d), key=lambda f: tuple(int(x) for x in re.findall(r"\d+", f)))
    for name in names:
        n, seed = (int(x) for x in re.findall(r"\d+", name))
        with open(os.path.join(d, name)) as f:
            m = [[float(x) for x in line.split()] for line in f]
        print(f"{n},{seed},{solve(m):.6f}", flush=True)


if __name__ == "__main__":
    main()

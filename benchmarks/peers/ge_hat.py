#!/usr/bin/env python3
"""Exact hat algebra for one-sector structural gravity (Dekle, Eaton & Kortum 2008, eq. 9-11), in numpy.

The peer of `vietus-sim ge solve` in its defaults (iceberg costs, additive closure with fixed nominal deficits,
world output normalised to its baseline), written for the side-by-side timings of benchmarks/RESULTS.md.

  lambda_ij = X_ij / E_j,  Y_i = sum_j X_ij,  E_j = sum_i X_ij,  D_j = E_j - Y_j
  Phi_j     = sum_i lambda_ij B_ij w_i^-theta
  X'_ij     = lambda_ij B_ij w_i^-theta / Phi_j * (Y_j w_j + D_j)
  clearing  Y_i w_i = sum_j X'_ij,  normalisation sum_i Y_i w_i = sum_i Y_i

Solved as GeSolver does it: a damped diagonal-Newton step on G_i = ln(demand_i / (Y_i w_i)) with its exact own
derivative (the step 1/sigma where that derivative is not below -0.05), a per-country relaxation halved when a country's
step reverses sign (floor 1/64) and regained by 25 % a step, the global damping halved when the best residual has not
improved by 0.1 % for 8 steps; it stops when max_i |demand_i / (Y_i w_i) - 1| <= 1e-12.

usage: ge_hat.py make N SEED DIR      write DIR/flows.csv and DIR/shock.csv (synthetic gravity flows)
       ge_hat.py solve DIR SIGMA [REPEAT]  solve; print max |w - w_csharp| if DIR/out/country.csv exists
"""
import csv
import sys
import time

import numpy as np


def make(n, seed, folder):
    rng = np.random.default_rng(seed)
    size = np.exp(2.0 * rng.standard_normal(n))
    xy = rng.random((n, 2))
    d = np.sqrt(((xy[:, None, :] - xy[None, :, :]) ** 2).sum(axis=2)) + 0.05
    np.fill_diagonal(d, 0.02)
    home = np.where(np.eye(n, dtype=bool), 40.0, 1.0)
    x = size[:, None] * size[None, :] / d * home * np.exp(0.5 * rng.standard_normal((n, n)))
    codes = [f"C{i:03d}" for i in range(n)]
    with open(f"{folder}/flows.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["exporter", "importer", "value"])
        for i in range(n):
            for j in range(n):
                w.writerow([codes[i], codes[j], repr(float(x[i, j]))])
    with open(f"{folder}/shock.csv", "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["exporter", "importer", "dlog_cost"])
        w.writerow([codes[1], codes[0], repr(-4.0 * np.log(1.46))])   # a 46% cost rise, sigma = 5
        for k in range(10):
            i, j = 2 + k, (3 + 2 * k) % n
            if i != j:
                w.writerow([codes[i], codes[j], repr(-4.0 * np.log(1.3))])


def read(folder):
    with open(f"{folder}/flows.csv") as f:
        rows = list(csv.DictReader(f))
    codes = sorted({r["exporter"] for r in rows})
    index = {c: k for k, c in enumerate(codes)}
    n = len(codes)
    x = np.zeros((n, n))
    for r in rows:
        x[index[r["exporter"]], index[r["importer"]]] = float(r["value"])
    b = np.ones((n, n))
    with open(f"{folder}/shock.csv") as f:
        for r in csv.DictReader(f):
            b[index[r["exporter"]], index[r["importer"]]] = np.exp(float(r["dlog_cost"]))
    return codes, x, b


def solve(x, b, sigma, tol=1e-12, max_iter=10_000):
    theta = sigma - 1.0
    y = x.sum(axis=1)
    e = x.sum(axis=0)
    deficit = e - y
    lam_b = x / e[None, :] * b
    lnw = np.zeros(len(y))
    mu, best, stall = 1.0, np.inf, 0
    relax = np.ones(len(y))
    last_step = np.zeros(len(y))
    for it in range(max_iter):
        lnw += np.log(y.sum() / (y * np.exp(lnw)).sum())
        w = np.exp(lnw)
        num = lam_b * w[:, None] ** -theta
        lam1 = num / num.sum(axis=0)[None, :]
        e1 = y * w + deficit
        x1 = lam1 * e1[None, :]
        demand = x1.sum(axis=1)
        g = np.log(demand / (y * w))
        res = np.abs(demand / (y * w) - 1.0).max()
        if res <= tol:
            return w, it
        own = (-theta * (x1 * (1.0 - lam1)).sum(axis=1) + (y * w / e1) * np.diag(x1)) / demand - 1.0
        step = np.where(own < -0.05, -1.0 / own, 1.0 / sigma) * g
        if res < best * 0.999:
            best, stall = res, 0
        else:
            stall += 1
            if stall >= 8:
                mu, stall, best = mu * 0.5, 0, res
        relax = np.where(step * last_step < 0, np.maximum(relax * 0.5, 1.0 / 64), np.minimum(relax * 1.25, 1.0))
        last_step = step
        lnw += mu * relax * step
    raise RuntimeError(f"no convergence after {max_iter} iterations (residual {res})")


def main():
    if sys.argv[1] == "make":
        make(int(sys.argv[2]), int(sys.argv[3]), sys.argv[4])
        return
    folder, sigma = sys.argv[2], float(sys.argv[3])
    repeat = int(sys.argv[4]) if len(sys.argv) > 4 else 1
    codes, x, b = read(folder)
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        w, iterations = solve(x, b, sigma)
        times.append(time.perf_counter() - t0)
    line = f"numpy: N={len(codes)} iterations={iterations} solve_ms_first={times[0] * 1e3:.3f} solve_ms_median={np.median(times) * 1e3:.3f}"
    try:
        with open(f"{folder}/out/country.csv") as f:
            rows = list(csv.DictReader(f))
        by_code = {r["country"]: 1.0 + float(r["factory_gate_price_change_pct"]) / 100.0 for r in rows}
        cs = np.array([by_code[c] for c in codes])
        line += f" max_abs_diff_vs_csharp={np.abs(cs - w).max():.3e}"
    except FileNotFoundError:
        pass
    print(line)


if __name__ == "__main__":
    main()

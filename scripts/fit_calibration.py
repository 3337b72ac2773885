#!/usr/bin/env python3
"""Fits the logistic calibration of the aligner's confidence.

Usage:
    cargo run --release -p align --example link_gold_report GOLD_DIR FEATURES.tsv
    python3 scripts/fit_calibration.py FEATURES.tsv

FEATURES.tsv has one row per predicted link: its source ("notice" for the notice sections
and their perturbed and restructured copies, a book's name otherwise), 1 when the link is
right, then `align::Evidence::calibration_features`. The fit is maximum likelihood with a
small L2 penalty (Newton's method), notice links weighted NOTICE_WEIGHT so that the few
hundred of them count beside the thousands of book links. Prints the weights, then the
intercept, as `CALIBRATION_WEIGHTS` in crates/align/src/ladder.rs holds them.
"""
import math
import sys

# Notice links weigh this much more than book links: there are about ten times fewer.
NOTICE_WEIGHT = 3.0
# L2 penalty on the weights (not the intercept): keeps rare features from running away.
L2 = 0.01
ROUNDS = 50


def solve(matrix, vector):
    """Gaussian elimination with partial pivoting."""
    n = len(vector)
    a = [row[:] + [vector[i]] for i, row in enumerate(matrix)]
    for col in range(n):
        pivot = max(range(col, n), key=lambda r: abs(a[r][col]))
        a[col], a[pivot] = a[pivot], a[col]
        for r in range(n):
            if r != col and a[col][col]:
                f = a[r][col] / a[col][col]
                for c in range(col, n + 1):
                    a[r][c] -= f * a[col][c]
    return [a[i][n] / a[i][i] if a[i][i] else 0.0 for i in range(n)]


def main():
    rows = []
    for line in open(sys.argv[1], encoding="utf-8"):
        source, right, *features = line.rstrip("\n").split("\t")
        weight = NOTICE_WEIGHT if source == "notice" else 1.0
        rows.append(([float(x) for x in features] + [1.0], float(right), weight))
    k = len(rows[0][0])
    beta = [0.0] * k
    for _ in range(ROUNDS):
        grad = [0.0] * k
        hess = [[0.0] * k for _ in range(k)]
        for x, y, w in rows:
            z = sum(b * v for b, v in zip(beta, x))
            p = 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))
            for i in range(k):
                grad[i] += w * (y - p) * x[i]
                for j in range(k):
                    hess[i][j] += w * p * (1 - p) * x[i] * x[j]
        for i in range(k - 1):
            grad[i] -= L2 * beta[i]
            hess[i][i] += L2
        step = solve(hess, grad)
        beta = [b + s for b, s in zip(beta, step)]
        if max(abs(s) for s in step) < 1e-9:
            break
    print(", ".join(f"{b:.3f}" for b in beta))


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
"""Fits the rule engine's polarity layer (RuleEngine.POLARITY_WEIGHTS).

Reads the dump of PolarityLayerDump (label, then the layer's inputs, tab-separated) and fits a
multinomial logistic regression: classes negative/neutral/positive weighted to balance, L2 penalty
(LAMBDA/2)*|W|^2 on every weight (the bias included), full-batch Newton iterations to convergence
(the problem is strictly convex, so the optimum, and the printed weights, do not depend on the start).
Prints the Java array to paste into RuleEngine.java.

usage: scripts/fit-polarity-layer.py DUMP.tsv      (normally run by scripts/fit-polarity-layer.sh)
"""
import sys
import numpy as np

LAMBDA = 1e-2
CLASSES = ['negative', 'neutral', 'positive']


def load(path):
    y, X = [], []
    with open(path, encoding='utf-8') as f:
        for line in f:
            p = line.rstrip('\n').split('\t')
            y.append(CLASSES.index(p[0]))
            X.append([float(v) for v in p[1:]])
    return np.array(X), np.array(y)


def fit(X, y, lam=LAMBDA):
    n, d = X.shape
    k = len(CLASSES)
    counts = np.bincount(y, minlength=k)
    sw = (n / (k * counts))[y]          # balanced class weights
    sw = sw / sw.sum()                  # weighted mean loss
    Y = np.eye(k)[y]
    W = np.zeros((k, d))
    for _ in range(100):
        Z = X @ W.T
        Z -= Z.max(axis=1, keepdims=True)
        P = np.exp(Z)
        P /= P.sum(axis=1, keepdims=True)
        G = ((P - Y) * sw[:, None]).T @ X + lam * W
        # Hessian of the weighted softmax loss, (k*d) x (k*d)
        H = np.zeros((k * d, k * d))
        for a in range(k):
            for b in range(k):
                c = P[:, a] * ((1.0 if a == b else 0.0) - P[:, b]) * sw
                H[a * d:(a + 1) * d, b * d:(b + 1) * d] = (X * c[:, None]).T @ X
        H += lam * np.eye(k * d)
        step = np.linalg.solve(H, G.reshape(-1)).reshape(k, d)
        W -= step
        if np.abs(step).max() < 1e-12:
            break
    return W


def main():
    X, y = load(sys.argv[1])
    W = fit(X, y)
    pred = (X @ W.T).argmax(axis=1)
    rec = [float((pred[y == c] == c).mean()) for c in range(len(CLASSES))]
    print('// %d rows; macro-recall on the fitting data %.4f' % (len(y), sum(rec) / len(rec)), file=sys.stderr)
    print('  static final double[][] POLARITY_WEIGHTS = {')
    for row in W:
        print('    {' + ', '.join('%.4f' % (v + 0.0) for v in row) + '},')
    print('  };')


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Independent high-precision reference values for the queueing engine tests.

Run:  python3 test/model/queueing/reference.py [erlang] [mmc] [mmck] [mva] [usl]   (none = all; mva takes ~2 min)
Needs mpmath (and scipy + numpy for the USL section).

Every value is computed from the textbook closed form or the definition at 40-60 significant digits with
mpmath, never from the TypeScript implementation:
  * Erlang B / C: the direct sums B = (A^c/c!) / sum_{k<=c} A^k/k!  and
    C = (A^c/c! * c/(c-A)) / (sum_{k<c} A^k/k! + A^c/c! * c/(c-A))   (Kleinrock vol. 1, eqs. 3.46, 3.40)
  * M/M/c percentiles: bisection (220 halvings) on the sojourn survival function written as a mixture,
    P(T>t) = (1-C) e^{-mu t} + C * P(Exp(theta) + Exp(mu) > t)  (hypoexponential; limit form when theta = mu)
  * M/M/c/K: the birth-death stationary distribution summed term by term
  * MVA: Buzen's convolution of normalising constants with load-dependent factors (not MVA):
    G(n) = sum_j F_k(j) G_prev(n-j); X(N) = G(N-1)/G(N); marginals p_k(j|N) = F_k(j) G_{-k}(N-j) / G(N)
  * USL: scipy.optimize.least_squares with bounds (trust-region reflective), tolerances 1e-15, and a
    40-digit variable-projection solve in mpmath (gamma eliminated in closed form, findroot on the gradient)
Numbers are printed with 17 significant digits and pasted into the *.test.ts files.
"""
import math
import sys

import mpmath as mp

mp.mp.dps = 60
WANTED = set(sys.argv[1:])


def g(x):
    return mp.nstr(x, 17, min_fixed=-400, max_fixed=400)


def erlang_terms(A, c):
    A = mp.mpf(A)
    t = mp.mpf(1)
    out = [t]
    for k in range(1, c + 1):
        t = t * A / k
        out.append(t)
    return out


def erlang_b(A, c):
    t = erlang_terms(A, c)
    return t[c] / mp.fsum(t)


def erlang_c(A, c):
    A = mp.mpf(A)
    t = erlang_terms(A, c)
    top = t[c] * c / (c - A)
    return top / (mp.fsum(t[:c]) + top)


def erlang_section():
    print("\n# Erlang B / C: (A, c) -> B, C")
    for A, c in [(10, 10), (2, 3), (50, 60), (4995, 5000), (9990, 10000), (9999, 10000), (99990, 100000),
                 (9000, 10000), (1000, 5000), (0.5, 1)]:
        b = erlang_b(A, c)
        cc = g(erlang_c(A, c)) if A < c else "unstable"
        print(f"A={A} c={c}: B={g(b)} C={cc}")


def survival(lam, mu, c, t):
    lam, mu = mp.mpf(lam), mp.mpf(mu)
    C = erlang_c(lam / mu, c)
    theta = c * mu - lam
    if theta == mu:
        hypo = mp.exp(-mu * t) * (1 + mu * t)
    else:
        hypo = (theta * mp.exp(-mu * t) - mu * mp.exp(-theta * t)) / (theta - mu)
    return (1 - C) * mp.exp(-mu * t) + C * hypo


def percentile(lam, mu, c, p):
    q = (100 - mp.mpf(p)) / 100
    lo, hi = mp.mpf(0), mp.mpf(1)
    while survival(lam, mu, c, hi) > q:
        hi *= 2
    for _ in range(220):
        mid = (lo + hi) / 2
        if survival(lam, mu, c, mid) > q:
            lo = mid
        else:
            hi = mid
    return (lo + hi) / 2


def wait_percentile(lam, mu, c, p):
    lam, mu = mp.mpf(lam), mp.mpf(mu)
    C = erlang_c(lam / mu, c)
    q = (100 - mp.mpf(p)) / 100
    return mp.mpf(0) if C <= q else mp.log(C / q) / (c * mu - lam)


def mmc_section():
    print("\n# M/M/c: (lambda, mu, c) -> C, Wq, W; response P50 P90 P95 P99 P99.9; wait P50 P95 P99")
    for lam, mu, c in [(2.0, 1.0, 3), (1.0, 1.0, 2), (1.000000001, 1.0, 2), (1.00001, 1.0, 2),
                       (1.0 + 2.0 ** -40, 1.0, 2), (0.99999, 1.0, 2), (8.0, 1.0, 10), (4995.0, 1.0, 5000),
                       (4999.0, 1.0, 5000), (9990.0, 1.0, 10000), (1.0, 2.0, 1), (7.0, 0.5, 16), (3.0, 1.0, 4)]:
        C = erlang_c(mp.mpf(lam) / mu, c)
        wq = C / (c * mp.mpf(mu) - lam)
        w = wq + 1 / mp.mpf(mu)
        resp = [g(percentile(lam, mu, c, p)) for p in (50, 90, 95, 99, 99.9)]
        wait = [g(wait_percentile(lam, mu, c, p)) for p in (50, 95, 99)]
        print(f"lam={lam!r} mu={mu} c={c}: C={g(C)} Wq={g(wq)} W={g(w)}\n  response={resp}\n  wait={wait}")


def mmck_section():
    print("\n# M/M/c/K: (lambda, mu, c, K) -> blocking, throughput, utilization, L, W")
    for lam, mu, c, K in [(1.0, 1.0, 1, 2), (90.0, 1.0, 100, 120), (9990.0, 1.0, 10000, 10000),
                          (12000.0, 1.0, 10000, 10500), (5.0, 1.0, 4, 10000), (0.8, 1.0, 1, 10),
                          (40.0, 2.0, 16, 64), (9000.0, 1.0, 9000, 10000)]:
        text = f"lam={lam!r} mu={mu} c={c} K={K}"
        lam, mu = mp.mpf(lam), mp.mpf(mu)
        A = lam / mu
        w = [mp.mpf(1)]
        for n in range(1, K + 1):
            w.append(w[-1] * A / min(n, c))
        Z = mp.fsum(w)
        p = [x / Z for x in w]
        block = p[K]
        X = lam * (1 - block)
        L = mp.fsum(n * p[n] for n in range(K + 1))
        print(f"{text}: blocking={g(block)} X={g(X)} U={g(X / (c * mu))} L={g(L)} W={g(L / X)}")


def conv_delay(Z, N):
    Z = mp.mpf(Z)
    out = [mp.mpf(1)]
    for n in range(1, N + 1):
        out.append(out[-1] * Z / n)
    return out


def conv_add(G, D, m, N):
    """G_new(n) = sum_j F(j) G(n-j), F(j) = D^j / prod_{i<=j} min(i,m); O(N*m) via the geometric tail j >= m."""
    D = mp.mpf(D)
    F = [mp.mpf(1)]
    for j in range(1, m + 1):
        F.append(F[-1] * D / j)
    out = []
    T = mp.mpf(0)  # T(n) = sum_{j>=m} F(j) G(n-j)
    for n in range(N + 1):
        if n >= m:
            T = F[m] * G[n - m] + (D / m) * T
        head = mp.fsum(F[j] * G[n - j] for j in range(0, min(n, m - 1) + 1))
        out.append(head + T)
    return out


def marginal_queue(Gother, Gall, D, m, N):
    D = mp.mpf(D)
    F = mp.mpf(1)
    q = mp.mpf(0)
    for j in range(1, N + 1):
        F = F * D / min(j, m)
        q += j * F * Gother[N - j]
    return q / Gall[N]


def mva_ref(N, Z, stations):
    def build(skip):
        G = conv_delay(Z, N)
        for i, (_, D, m) in enumerate(stations):
            if i != skip:
                G = conv_add(G, D, m, N)
        return G
    Gall = build(-1)
    X = Gall[N - 1] / Gall[N]
    print(f"N={N} Z={Z} {stations}: X={g(X)} R={g(N / X - Z)}")
    for i, (name, D, m) in enumerate(stations):
        Q = marginal_queue(build(i), Gall, D, m, N)
        print(f"  {name}: U={g(X * D / m)} Q={g(Q)} R={g(Q / X)}")


def mva_section():
    print("\n# MVA by convolution of normalising constants")
    mp.mp.dps = 40
    mva_ref(3, 0, [("cpu", 1, 1), ("disk", 1, 1)])
    mva_ref(10, 5, [("web", 0.2, 4), ("db", 0.1, 1), ("disk", 0.05, 1)])
    mva_ref(1000, 5, [("web", 0.02, 4), ("db", 0.004, 1), ("lb", 0.001, 1)])
    mva_ref(1000, 1, [("web", 0.02, 4), ("db", 0.004, 1), ("lb", 0.001, 1)])
    mva_ref(5000, 2, [("web", 0.01, 4), ("db", 0.0015, 1), ("api", 0.05, 16), ("cache", 0.0005, 1)])
    mva_ref(5000, 10, [("app", 0.1, 64), ("db", 0.0018, 1)])
    mp.mp.dps = 60


def usl_fit(ns, xs, start):
    import numpy as np
    from scipy.optimize import least_squares
    N = np.array(ns, dtype=float)
    X = np.array(xs)
    f = lambda p: p[2] * N / (1 + p[0] * (N - 1) + p[1] * N * (N - 1)) - X
    r = least_squares(f, start, bounds=([0, 0, 1e-12], [np.inf, np.inf, np.inf]),
                      ftol=1e-15, xtol=1e-15, gtol=1e-15, x_scale="jac", max_nfev=100000)
    a, b, gm = (float(v) for v in r.x)
    print(f"  alpha={a!r} beta={b!r} gamma={gm!r} sse={float(2 * r.cost)!r} status={r.status}")
    if b > 0 and a < 1:
        n_star = math.sqrt((1 - a) / b)
        print(f"  peak N*={n_star!r} X*={gm * n_star / (1 + a * (n_star - 1) + b * n_star * (n_star - 1))!r}")


def usl_mp(ns, xs, a_start, b_start, alpha_fixed_zero=False):
    """Variable projection in mpmath (40 digits): for fixed (alpha, beta) the best gamma is linear least
    squares, gamma = sum(X f)/sum(f^2) with f = N/(1 + alpha(N-1) + beta N(N-1)), leaving
    SSE(alpha, beta) = sum X^2 - (sum X f)^2 / sum f^2; its stationary point is found with findroot on the
    gradient (mp.diff). An independent check on both scipy and the engine's Levenberg-Marquardt."""
    mp.mp.dps = 40
    N = [mp.mpf(n) for n in ns]
    X = [mp.mpf(x) for x in xs]

    def parts(a, b):
        f = [n / (1 + a * (n - 1) + b * n * (n - 1)) for n in N]
        sxf = mp.fsum(x * fi for x, fi in zip(X, f))
        sff = mp.fsum(fi * fi for fi in f)
        return sxf, sff

    def sse(a, b):
        sxf, sff = parts(a, b)
        return mp.fsum(x * x for x in X) - sxf * sxf / sff

    if alpha_fixed_zero:
        b = mp.findroot(lambda b: mp.diff(lambda t: sse(0, t), b), (mp.mpf(b_start) * 0.9, mp.mpf(b_start) * 1.1),
                        solver="anderson")
        a = mp.mpf(0)
        print(f"  (alpha pinned at 0; d SSE/d alpha at the optimum = {g(mp.diff(lambda t: sse(t, b), 0))} must be > 0)")
    else:
        a, b = mp.findroot([lambda a, b: mp.diff(lambda t: sse(t, b), a), lambda a, b: mp.diff(lambda t: sse(a, t), b)],
                           (mp.mpf(a_start), mp.mpf(b_start)))
    sxf, sff = parts(a, b)
    gm = sxf / sff
    print(f"  mp: alpha={g(a)} beta={g(b)} gamma={g(gm)} sse={g(sse(a, b))}")
    if b > 0 and a < 1:
        n_star = mp.sqrt((1 - a) / b)
        print(f"  mp: peak N*={g(n_star)} X*={g(gm * n_star / (1 + a * (n_star - 1) + b * n_star * (n_star - 1)))}")
    mp.mp.dps = 60


def usl_section():
    print("\n# USL: scipy least_squares with bounds")
    ns = [1, 4, 8, 12, 16, 20, 24, 28, 32, 48]
    # 1. exact USL(0.03, 0.0005, 955.16) times a deterministic ±3% ripple (1 + 0.03 sin(7i + 1))
    xs = [955.16 * n / (1 + 0.03 * (n - 1) + 0.0005 * n * (n - 1)) * (1 + 0.03 * math.sin(7 * i + 1))
          for i, n in enumerate(ns)]
    print("data1:", [(n, repr(x)) for n, x in zip(ns, xs)])
    usl_fit(ns, xs, [0.01, 0.001, 900.0])
    usl_mp(ns, xs, 0.0415, 0.0003)
    # 2. data whose unconstrained optimum has alpha < 0 (generated with alpha = -0.02): the bound is active
    xs2 = [100.0 * n / (1 - 0.02 * (n - 1) + 0.002 * n * (n - 1)) for n in ns]
    print("data2:", [(n, repr(x)) for n, x in zip(ns, xs2)])
    usl_fit(ns, xs2, [0.01, 0.001, 90.0])
    usl_mp(ns, xs2, 0, 0.0018, alpha_fixed_zero=True)


def sizing_section():
    """Fewest servers by a linear scan from the least stable count, percentiles by mp bisection (above)."""
    print("\n# Sizing: (lambda, S, p, target, cap) -> serversForLatency, serversForUtilization, P at servers")
    mp.mp.dps = 30
    for lam, S, p, target, cap in [(100.0, 0.05, 95, 0.2, None), (4990.0, 1.0, 99, 5.0, None),
                                   (100.0, 0.05, 95, 0.5, 0.6), (50000.0, 0.1, 99, 0.5, None),
                                   (0.5, 2.0, 50, 10.0, None), (70.0, 0.01, 95, 1.0, 0.7)]:
        A = mp.mpf(lam) * mp.mpf(S)
        c = int(mp.floor(A)) + 1
        while percentile(lam, 1 / mp.mpf(S), c, p) >= target:
            c += 1
        cap_eff = cap if cap is not None else 1
        cu = int(mp.floor(A)) + 1
        while A / cu > cap_eff:
            cu += 1
        servers = max(c, cu)
        at = percentile(lam, 1 / mp.mpf(S), servers, p)
        print(f"lam={lam} S={S} p={p} target={target} cap={cap}: latency={c} utilization={cu} servers={servers} "
              f"P={g(at)} (P at latency-1: {g(percentile(lam, 1 / mp.mpf(S), c - 1, p)) if c - 1 > A else 'unstable'})")
    mp.mp.dps = 60


for name, fn in [("erlang", erlang_section), ("sizing", sizing_section), ("mmc", mmc_section), ("mmck", mmck_section), ("mva", mva_section),
                 ("usl", usl_section)]:
    if not WANTED or name in WANTED:
        fn()

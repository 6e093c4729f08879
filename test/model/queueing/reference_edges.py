#!/usr/bin/env python3
"""Reference values for edges.test.ts and rootFind.test.ts, computed independently of the TypeScript code.

Run:  python3 test/model/queueing/reference_edges.py      (needs mpmath; a few seconds)

  * M/M/c/K mean queue length and wait: the birth-death distribution summed term by term, as in
    reference.py `mmck`, plus L_q = sum (n - c)+ p_n and W_q = L_q / (lambda (1 - P_K))
    (Gross, Shortle, Thompson & Harris, "Fundamentals of Queueing Theory", 4th ed., sec. 2.5)
  * M/M/c sojourn survival P(T > t) as the mixture (1 - C) e^{-mu t} + C P(Exp(theta) + Exp(mu) > t)
    (hypoexponential; Gross et al. sec. 2.3), where theta - mu is tiny (the series branch of the code)
  * roots of cos x - x (the Dottie number) and x^3 - 2x - 5 (Wallis's cubic) by mpmath.findroot
Numbers are printed with 17 significant digits and pasted into the tests.
"""
import mpmath as mp

mp.mp.dps = 60


def g(x):
    return mp.nstr(x, 17)


def mmck(lam, mu, c, K):
    lam, mu = mp.mpf(lam), mp.mpf(mu)
    A = lam / mu
    w = [mp.mpf(1)]
    for n in range(1, K + 1):
        w.append(w[-1] * A / min(n, c))
    Z = mp.fsum(w)
    p = [x / Z for x in w]
    X = lam * (1 - p[K])
    Lq = mp.fsum((n - c) * p[n] for n in range(c + 1, K + 1))
    L = mp.fsum(n * p[n] for n in range(K + 1))
    busy = mp.fsum(min(n, c) * p[n] for n in range(K + 1))
    print(f"lam={lam} mu={mu} c={c} K={K}: blocking={g(p[K])} X={g(X)} X_departures={g(mu * busy)} "
          f"L={g(L)} Lq={g(Lq)} W={g(L / X)} Wq={g(Lq / X)}")


def erlang_c(A, c):
    A = mp.mpf(A)
    t = [mp.mpf(1)]
    for k in range(1, c + 1):
        t.append(t[-1] * A / k)
    top = t[c] * c / (c - A)
    return top / (mp.fsum(t[:c]) + top)


def response_survival(lam, mu, c, t):
    lam, mu, t = mp.mpf(lam), mp.mpf(mu), mp.mpf(t)
    C = erlang_c(lam / mu, c)
    theta = c * mu - lam
    hypo = (theta * mp.exp(-mu * t) - mu * mp.exp(-theta * t)) / (theta - mu)
    return (1 - C) * mp.exp(-mu * t) + C * hypo


print("# M/M/c/K")
for case in [(1, 1, 1, 2), (90, 1, 100, 120), (0.8, 1, 1, 10), (40, 2, 16, 64), (2, 1, 2, 4), (10, 1, 1, 3),
             (1e10, 1, 1, 2), (1, 1, 170, 170), (1, 1, 170, 172)]:
    mmck(*case)

print("\n# M/M/c response survival, |theta - mu| t below 1e-5 (lam = 1 + 2^-20, mu = 1, c = 2)")
lam = 1 + mp.mpf(2) ** -20
for t in [1, 10]:
    print(f"t={t}: P(T>t)={g(response_survival(lam, 1, 2, t))}")

print("\n# roots")
print("cos x = x:", g(mp.findroot(lambda x: mp.cos(x) - x, 0.7)))
print("x^3 - 2x - 5:", g(mp.findroot(lambda x: x**3 - 2 * x - 5, 2)))

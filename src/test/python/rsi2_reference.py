"""Independent re-implementation of the rsi2 backtest (default numbers, no costs) over the price CSVs.

Used to check the values pinned in MeanReversionRegressionTest; standard library only.
usage: python3 rsi2_reference.py PRICES_DIR FROM TO CAPITAL hedge|nohedge [vwap,sma,volume,bollinger]
e.g.   python3 src/test/python/rsi2_reference.py ../shared/data/prices 2012-01-01 2025-12-31 100000 hedge
"""
import csv, math, sys
from datetime import date

def load(sym):
    rows = []
    with open(f"{PRICES}/{sym}.csv") as f:
        for r in csv.DictReader(f):
            rows.append((date.fromisoformat(r["date"]), float(r["open"]), float(r["high"]), float(r["low"]),
                         float(r["close"]), round(float(r["volume"]))))
    return rows

PRICES = sys.argv[1]
FROM, TO = date.fromisoformat(sys.argv[2]), date.fromisoformat(sys.argv[3])
CAPITAL = float(sys.argv[4])
HEDGE = sys.argv[5] == "hedge"
FILTERS = set(sys.argv[6].split(",")) if len(sys.argv) > 6 else set()

def window(i, n):
    return T[i - n + 1:i + 1] if i + 1 >= n else None

def filters_pass(i):
    c = T[i][4]
    if "vwap" in FILTERS:
        w = window(i, 20)
        if w is None or sum(b[5] for b in w) == 0 or not c < sum((b[2] + b[3] + b[4]) / 3 * b[5] for b in w) / sum(b[5] for b in w):
            return False
    if "sma" in FILTERS:
        w = window(i, 20)
        if w is None or not c > sum(b[4] for b in w) / 20:
            return False
    if "volume" in FILTERS and T[i][5] < 1_000_000:
        return False
    if "bollinger" in FILTERS:
        w = window(i, 20)
        if w is None:
            return False
        mean = sum(b[4] for b in w) / 20
        sd = math.sqrt(sum((b[4] - mean) ** 2 for b in w) / 20)
        if not c < mean - 2 * sd:
            return False
    return True
T, S = load("TQQQ"), load("SQQQ")
closes = [r[4] for r in T]

# Wilder RSI(2) the way ta4j 0.22.2 seeds it: NaN for bars 0,1; bar 2 averages = bar 2's gain/loss.
rsi = [math.nan] * len(T)
ag = al = None
for i in range(2, len(T)):
    d = closes[i] - closes[i - 1]
    g, l = (d if d > 0 else 0.0), (-d if d < 0 else 0.0)
    if ag is None:
        ag, al = g, l
    else:
        ag = ag + (g - ag) * 0.5
        al = al + (l - al) * 0.5
    rsi[i] = (0.0 if ag == 0 else 100.0) if al == 0 else 100.0 - 100.0 / (1.0 + ag / al)

sidx = {r[0]: k for k, r in enumerate(S)}
cash, qT, qS, stop = CAPITAL, 0, 0, None
fills, lots, trips, eq = [], {"TQQQ": [], "SQQQ": []}, [], []
lastS = None

def fill(sym, signed, px, d, why):
    global cash, qT, qS
    cash -= signed * px
    if sym == "TQQQ":
        qT += signed
    else:
        qS += signed
    fills.append((d, sym, signed, px, why))
    if signed > 0:
        lots[sym].append([signed, px])
    else:
        q = -signed
        while q > 0:
            lot = lots[sym][0]
            take = min(q, lot[0])
            trips.append(take * (px - lot[1]))
            lot[0] -= take
            q -= take
            if lot[0] == 0:
                lots[sym].pop(0)

for i, (d, o, h, lo, c, v) in enumerate(T):
    if d < FROM or d > TO:
        continue
    if d in sidx:
        lastS = sidx[d]
    sclose = S[lastS][4] if lastS is not None else math.nan
    # resting stop, checked before the decision
    if stop is not None and qT > 0 and lo <= stop:
        fill("TQQQ", -qT, min(o, stop), d, "stop")
        stop = None
    r = rsi[i]
    equity = cash + qT * c + (qS * sclose if qS else 0)
    sells, buys = [], []
    if not math.isnan(r):
        if qT > 0 and r >= 75:
            sells.append(("TQQQ", -qT, c)); stop = None
        elif qT == 0 and r <= 30 and filters_pass(i):
            n = math.floor(0.9 * equity / c)
            if n > 0:
                buys.append(("TQQQ", n, c)); stop = c * (1 - 0.05)
        if HEDGE and d in sidx:
            if qS == 0 and r >= 90:
                n = math.floor(0.3 * equity / sclose)
                if n > 0:
                    buys.append(("SQQQ", n, sclose))
            elif qS > 0 and r < 60:
                sells.append(("SQQQ", -qS, sclose))
    for sym, n, px in sells:
        fill(sym, n, px, d, "sell")
    for sym, n, px in buys:
        n = min(n, math.floor(cash / px))
        if n > 0:
            fill(sym, n, px, d, "buy")
    if qT == 0:
        stop = None
    eq.append((d, cash + qT * c + (qS * sclose if qS else 0)))

E = [e for _, e in eq]
rets = [E[t] / E[t - 1] - 1 for t in range(1, len(E))]
m = sum(rets) / len(rets)
sd = math.sqrt(sum((x - m) ** 2 for x in rets) / (len(rets) - 1))
peak, mdd = E[0], 0.0
for e in E:
    peak = max(peak, e)
    mdd = min(mdd, e / peak - 1)
wins = sum(1 for p in trips if p > 0)
print("days", len(E), eq[0][0], eq[-1][0])
print("fills", len(fills), "tqqq", sum(1 for f in fills if f[1] == "TQQQ"), "sqqq", sum(1 for f in fills if f[1] == "SQQQ"),
      "stops", sum(1 for f in fills if f[4] == "stop"))
print("final", repr(E[-1]))
print("sharpe", repr(m / sd * math.sqrt(252)))
print("mdd", repr(mdd))
print("trips", len(trips), "winrate", repr(wins / len(trips)))
print("first fills", fills[:3])
print("first sqqq", [f for f in fills if f[1] == "SQQQ"][:2])

"""Independent re-implementation of a backtest through the one decision cycle, standard library only.

It re-does, from the README's rules and without any Leverdesk code, what a backtest of monthly-rebalance
or rsi2 does since backtests run the live path (strategy -> risk gate -> order planner -> simulated broker):
  * cash dividends derived from close/adj_close, paid on the shares held when the ex-date opens
    (D = close[i-1] * (1 - f[i-1]/f[i]), f = adj_close/close; rounded to $0.0001 a share, the amount to cents);
  * the opening print, resting protective stops (GTC stop sells) triggered at the open (fill at the open)
    or reached by the day's low (fill at the stop);
  * the decision at the close on the day's bar; the planner's rules: whole shares, a change under 2% of
    the target or worth under $100 is not traded (an exit to 0 always is), sells before buys, buys fitted
    to the buying power (costed at the ask rounded up to $0.0001, each order's value rounded up to the cent);
  * orders: market orders fill at once at the ask/bid; monthly-rebalance sends limits 0.5% through the
    mid (rounded half-up to the cent above $1, to $0.0001 below), which fill at once at the ask when
    marketable; prices are kept to $0.0001 (half-even) and money to the cent (half-even), exactly;
  * rsi2's protective stop 5% under the entry close, sent as a stop order rounded down to the tick once
    the entry has filled; cancelled when a target changes the position.
No slippage or commission (the regression tests pin the no-cost runs).

usage: python3 one_engine_reference.py PRICES_DIR monthly-rebalance FROM TO CAPITAL [ALLOCATION]
       python3 one_engine_reference.py PRICES_DIR rsi2 FROM TO CAPITAL hedge|nohedge [vwap,sma,volume,bollinger]
"""
import csv, math, sys
from datetime import date
from decimal import Decimal, ROUND_HALF_EVEN, ROUND_HALF_UP, ROUND_DOWN

CENT, TICK4 = Decimal("0.01"), Decimal("0.0001")


def load(prices, sym):
    rows = []
    with open(f"{prices}/{sym}.csv") as f:
        for r in csv.DictReader(f):
            rows.append((date.fromisoformat(r["date"]), float(r["open"]), float(r["high"]), float(r["low"]),
                         float(r["close"]), round(float(r["volume"])), float(r["adj_close"])))
    return rows


def dividend(rows, i):
    if i <= 0:
        return 0.0
    before = rows[i - 1][6] / rows[i - 1][4]
    now = rows[i][6] / rows[i][4]
    ratio = before / now
    if not ratio < 1 - 1e-6:
        return 0.0
    return rows[i - 1][4] * (1 - ratio)


def price4(x):  # a double price as the broker keeps it
    return Decimal(repr(x)).quantize(TICK4, ROUND_HALF_EVEN)


def money(x):
    return x.quantize(CENT, ROUND_HALF_EVEN)


def tick(x, rounding):
    return Decimal(repr(x)).quantize(CENT if x >= 1 else TICK4, rounding)


class Account:
    def __init__(self, capital):
        self.cash = money(Decimal(repr(capital)))
        self.qty = {}        # symbol -> shares
        self.last = {}       # symbol -> last printed price (double)
        self.stop = {}       # symbol -> resting stop price (Decimal)
        self.fills = []      # (date, symbol, signed qty, price Decimal, reason)
        self.divs = []

    def equity(self):  # cash + positions at the last price, symbols in alphabetical order (as the Java ledger sums)
        v = float(self.cash)
        for s in sorted(self.qty):
            v += self.qty[s] * self.last[s]
        return v

    def fill(self, d, sym, signed, px, why):
        value = money(abs(signed) * px)
        self.cash = self.cash - value if signed > 0 else self.cash + value
        q = self.qty.get(sym, 0) + signed
        if q == 0:
            self.qty.pop(sym, None)
        else:
            self.qty[sym] = q
        self.fills.append((d, sym, signed, px, why))


def plan_and_send(acct, d, targets, style, today_close):
    """targets: [(symbol, target qty, stop or None)] in decision order; style: 'market' or 'limit'."""
    sells, buys = [], []
    for sym, t, stop in targets:
        held = acct.qty.get(sym, 0)
        # a resting stop that no longer fits the target is cancelled first
        if sym in acct.stop and not (stop is not None and t == held and acct.stop[sym] == tick(stop, ROUND_DOWN)):
            del acct.stop[sym]
        delta = t - held
        if delta == 0:
            continue
        mid = today_close[sym]
        exit_ = t == 0
        if not exit_ and abs(delta) * 100.0 < 2.0 * abs(t):
            continue
        if not exit_ and abs(delta) * mid < 100.0:
            continue
        limit = tick(mid * (1 + (0.005 if delta > 0 else -0.005)), ROUND_HALF_UP) if style == "limit" else None
        (buys if delta > 0 else sells).append([sym, abs(delta), limit])
    available = min(float(acct.cash), max(0.0, acct.equity() - sum(acct.qty[s] * acct.last[s] for s in sorted(acct.qty))))
    for sym, n, limit in sells:
        if limit is None:
            available += n * today_close[sym]

    def cost(qtys):
        c = 0.0
        for (sym, n, limit), q in zip(buys, qtys):
            if q > 0:
                p = float(limit) if limit is not None else math.ceil(today_close[sym] * 10000 - 1e-6) / 10000
                c += math.ceil(q * p * 100 - 1e-9) / 100
        return c
    qtys = [b[1] for b in buys]
    if cost(qtys) > available + 1e-9:
        per_share = sum(b[1] * (float(b[2]) if b[2] is not None else math.ceil(today_close[b[0]] * 10000 - 1e-6) / 10000)
                        for b in buys)
        f = max(0.0, available) / per_share
        qtys = [math.floor(b[1] * f + 1e-9) for b in buys]
        while cost(qtys) > available + 1e-9:
            k = max(range(len(qtys)), key=lambda j: qtys[j])
            if qtys[k] == 0:
                break
            qtys[k] -= 1
        kept = []
        for b, q in zip(buys, qtys):
            if q > 0 and q * today_close[b[0]] >= 100.0:
                kept.append([b[0], q, b[2]])
        buys = kept
    for sym, n, limit in sells:  # sells first: market (or marketable limit) fills at the bid
        px = price4(today_close[sym])
        if limit is None or px >= limit:
            acct.fill(d, sym, -n, px, "decision")
    for sym, n, limit in buys:
        px = price4(today_close[sym])
        reserve = limit if limit is not None else px
        if money(n * reserve) > acct.cash:  # the broker refuses a buy beyond its buying power
            continue
        if limit is None or px <= limit:
            acct.fill(d, sym, n, px, "decision")
    for sym, t, stop in targets:  # protective stops once the position is there
        if stop is not None and t > 0 and acct.qty.get(sym, 0) == t and sym not in acct.stop:
            acct.stop[sym] = tick(stop, ROUND_DOWN)


def open_day(acct, d, bars):
    """bars: symbol -> (open, high, low, close, dividend) of the symbols with a bar today."""
    for sym in sorted(bars):
        dv = bars[sym][4]
        if dv > 0 and acct.qty.get(sym, 0) > 0:
            per = Decimal(repr(dv)).quantize(TICK4, ROUND_HALF_EVEN)
            amount = money(acct.qty[sym] * per)
            acct.cash += amount
            acct.divs.append((d, sym, acct.qty[sym], per, amount))
    for sym, (o, h, l, c, _) in bars.items():
        acct.last[sym] = o
    for sym in list(acct.stop):
        if sym not in bars or acct.qty.get(sym, 0) <= 0:
            continue
        o, h, l, c, _ = bars[sym]
        stop = acct.stop[sym]
        if o <= float(stop):
            acct.fill(d, sym, -acct.qty[sym], price4(o), "stop loss at " + format(stop.normalize(), "f"))
            del acct.stop[sym]
        elif l <= float(stop):
            acct.fill(d, sym, -acct.qty[sym], price4(float(stop)), "stop loss at " + format(stop.normalize(), "f"))
            del acct.stop[sym]


def report(acct, eq):
    E = [e for _, e in eq]
    rets = [E[t] / E[t - 1] - 1 for t in range(1, len(E))]
    m = sum(rets) / len(rets)
    sd = math.sqrt(sum((x - m) ** 2 for x in rets) / (len(rets) - 1))
    peak, mdd = E[0], 0.0
    for e in E:
        peak = max(peak, e)
        mdd = min(mdd, e / peak - 1)
    lots, trips = {}, []
    for d, sym, signed, px, why in acct.fills:
        if signed > 0:
            lots.setdefault(sym, []).append([signed, float(px)])
        else:
            q = -signed
            while q > 0:
                lot = lots[sym][0]
                take = min(q, lot[0])
                trips.append(take * (float(px) - lot[1]))
                lot[0] -= take
                q -= take
                if lot[0] == 0:
                    lots[sym].pop(0)
    wins = sum(1 for p in trips if p > 0)
    print("days", len(E), eq[0][0], eq[-1][0])
    print("fills", len(acct.fills), "by symbol", {s: sum(1 for f in acct.fills if f[1] == s) for s in sorted({f[1] for f in acct.fills})},
          "stops", sum(1 for f in acct.fills if f[4].startswith("stop")))
    print("dividends", len(acct.divs), "total", sum(x[4] for x in acct.divs))
    print("final", repr(E[-1]))
    print("sharpe", repr(m / sd * math.sqrt(252)))
    print("mdd", repr(mdd))
    print("trips", len(trips), "winrate", repr(wins / len(trips)) if trips else "-")
    print("first fills", [(f[0].isoformat(), f[1], f[2], str(f[3]), f[4]) for f in acct.fills[:3]])


def monthly_rebalance(prices, frm, to, capital, allocation):
    T = load(prices, "TQQQ")
    days = [i for i, r in enumerate(T) if frm <= r[0] <= to]
    acct, eq = Account(capital), []
    for k, i in enumerate(days):
        d, o, h, l, c, v, a = T[i]
        open_day(acct, d, {"TQQQ": (o, h, l, c, dividend(T, i))})
        acct.last["TQQQ"] = c
        month_end = i + 1 >= len(T) or T[i + 1][0].month != d.month
        if k == 0 or month_end:
            plan_and_send(acct, d, [("TQQQ", math.floor(allocation / c), None)], "limit", {"TQQQ": c})
        eq.append((d, acct.equity()))
    report(acct, eq)


def rsi2(prices, frm, to, capital, hedge, filters):
    T, S = load(prices, "TQQQ"), load(prices, "SQQQ")
    closes = [r[4] for r in T]
    rsi = [math.nan] * len(T)
    ag = al = None
    for i in range(2, len(T)):
        dd = closes[i] - closes[i - 1]
        g, lo = (dd if dd > 0 else 0.0), (-dd if dd < 0 else 0.0)
        if ag is None:
            ag, al = g, lo
        else:
            ag = ag + (g - ag) * 0.5
            al = al + (lo - al) * 0.5
        rsi[i] = (0.0 if ag == 0 else 100.0) if al == 0 else 100.0 - 100.0 / (1.0 + ag / al)

    def window(i, n):
        return T[i - n + 1:i + 1] if i + 1 >= n else None

    def filters_pass(i):
        c = T[i][4]
        if "vwap" in filters:
            w = window(i, 20)
            if w is None or sum(b[5] for b in w) == 0 or not c < sum((b[2] + b[3] + b[4]) / 3 * b[5] for b in w) / sum(b[5] for b in w):
                return False
        if "sma" in filters:
            w = window(i, 20)
            if w is None or not c > sum(b[4] for b in w) / 20:
                return False
        if "volume" in filters and T[i][5] < 1_000_000:
            return False
        if "bollinger" in filters:
            w = window(i, 20)
            if w is None:
                return False
            mean = sum(b[4] for b in w) / 20
            sd = math.sqrt(sum((b[4] - mean) ** 2 for b in w) / 20)
            if not c < mean - 2 * sd:
                return False
        return True

    sidx = {r[0]: k for k, r in enumerate(S)}
    acct, eq = Account(capital), []
    for i, (d, o, h, lo, c, v, a) in enumerate(T):
        if d < frm or d > to:
            continue
        bars = {"TQQQ": (o, h, lo, c, dividend(T, i))}
        j = sidx.get(d)
        if j is not None:
            s = S[j]
            bars["SQQQ"] = (s[1], s[2], s[3], s[4], dividend(S, j))
        open_day(acct, d, bars)
        for sym, b in bars.items():
            acct.last[sym] = b[3]
        r = rsi[i]
        if not math.isnan(r):
            equity = acct.equity()
            targets = []
            held = acct.qty.get("TQQQ", 0)
            if held > 0 and r >= 75:
                targets.append(("TQQQ", 0, None))
            elif held == 0 and r <= 30 and filters_pass(i):
                n = math.floor(90.0 / 100 * equity / c)
                if n > 0:
                    targets.append(("TQQQ", n, c * (1 - 5.0 / 100)))
            if hedge:
                hedged = acct.qty.get("SQQQ", 0)
                if j is not None and hedged == 0 and r >= 90:
                    n = math.floor(30.0 / 100 * equity / S[j][4])
                    if n > 0:
                        targets.append(("SQQQ", n, None))
                elif j is not None and hedged > 0 and r < 60:
                    targets.append(("SQQQ", 0, None))
            if targets:
                plan_and_send(acct, d, targets, "market", {k: b[3] for k, b in bars.items()})
        eq.append((d, acct.equity()))
    report(acct, eq)


if __name__ == "__main__":
    prices, strategy = sys.argv[1], sys.argv[2]
    frm, to, capital = date.fromisoformat(sys.argv[3]), date.fromisoformat(sys.argv[4]), float(sys.argv[5])
    if strategy == "monthly-rebalance":
        monthly_rebalance(prices, frm, to, capital, float(sys.argv[6]) if len(sys.argv) > 6 else 2000.0)
    else:
        rsi2(prices, frm, to, capital, sys.argv[6] == "hedge", set(sys.argv[7].split(",")) if len(sys.argv) > 7 else set())

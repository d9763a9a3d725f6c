package org.leverdesk.broker.sim;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.leverdesk.options.contract.OptionContract;

/**
 * What short options hold as cover in a cash account that may trade defined-risk spreads (Alpaca level 3,
 * seed 003's cash-only preflight: "full collateral / max loss in cash before entry"). Each short contract is
 * paired with a long contract of the same underlying and right expiring the same day or later; the pair
 * holds its width: (short strike − long strike) × multiplier for puts, (long − short) for calls, and nothing
 * when the long is the safer strike's other side (a debit spread). A short left without a long is covered as
 * before: a put by strike × multiplier of cash, a call by 100 shares.
 *
 * <p>Pairing is greedy and deterministic: shorts in order of the largest requirement first (puts by strike
 * descending, calls ascending), each taking the free long with the smallest width (expiring no earlier). An
 * iron condor's two sides are each a pair, so its cash is the sum of both widths: more than Alpaca's
 * requirement (the larger width, since only one side can finish in the money) — the conservative side.
 *
 * @param cash        dollars held: unpaired short puts at their strike plus every pair's width
 * @param callShares  shares of each underlying that unpaired short calls hold
 * @param pairs       the pairs found, for reports
 */
public record OptionCover(BigDecimal cash, Map<String, BigDecimal> callShares, List<Pair> pairs) {
    /** A short paired with a long: {@code contracts} of each, holding {@code cash}. */
    public record Pair(OptionContract shortLeg, OptionContract longLeg, BigDecimal contracts, BigDecimal cash) {
    }

    /** One option position: a contract and its signed quantity in contracts. */
    public record Leg(OptionContract contract, BigDecimal quantity) {
    }

    /** The cover {@code legs} need (legs may repeat a contract; they are summed). */
    public static OptionCover of(List<Leg> legs) {
        Map<String, BigDecimal> net = new TreeMap<>();
        Map<String, OptionContract> contracts = new TreeMap<>();
        for (Leg l : legs) {
            net.merge(l.contract().occSymbol(), l.quantity(), BigDecimal::add);
            contracts.put(l.contract().occSymbol(), l.contract());
        }
        List<Slot> shorts = new ArrayList<>();
        List<Slot> longs = new ArrayList<>();
        net.forEach((occ, q) -> {
            if (q.signum() < 0) {
                shorts.add(new Slot(contracts.get(occ), q.negate()));
            } else if (q.signum() > 0) {
                longs.add(new Slot(contracts.get(occ), q));
            }
        });
        shorts.sort(Comparator.comparing((Slot s) -> s.contract.isPut() ? s.contract.strike().negate() : s.contract.strike())
                .thenComparing(s -> s.contract.occSymbol()));
        BigDecimal cash = BigDecimal.ZERO;
        Map<String, BigDecimal> callShares = new TreeMap<>();
        List<Pair> pairs = new ArrayList<>();
        for (Slot s : shorts) {
            OptionContract sc = s.contract;
            BigDecimal m = BigDecimal.valueOf(sc.multiplier());
            while (s.left.signum() > 0) {
                Slot best = null;
                for (Slot l : longs) {
                    OptionContract lc = l.contract;
                    if (l.left.signum() > 0 && lc.underlying().equals(sc.underlying()) && lc.right() == sc.right()
                            && lc.multiplier() == sc.multiplier() && !lc.expiry().isBefore(sc.expiry())
                            && (best == null || width(sc, lc).compareTo(width(sc, best.contract)) < 0)) {
                        best = l;
                    }
                }
                if (best == null) {
                    if (sc.isPut()) {
                        cash = cash.add(s.left.multiply(sc.strike()).multiply(m));
                    } else {
                        callShares.merge(sc.underlying(), s.left.multiply(m), BigDecimal::add);
                    }
                    break;
                }
                BigDecimal n = s.left.min(best.left);
                BigDecimal held = n.multiply(width(sc, best.contract)).multiply(m);
                cash = cash.add(held);
                pairs.add(new Pair(sc, best.contract, n, held));
                s.left = s.left.subtract(n);
                best.left = best.left.subtract(n);
            }
        }
        return new OptionCover(cash, callShares, pairs);
    }

    /** Shares of {@code underlying} unpaired short calls hold. */
    public BigDecimal callShares(String underlying) {
        return callShares.getOrDefault(underlying, BigDecimal.ZERO);
    }

    /** What a short needs over a long: the strike distance on the losing side, never below 0. */
    private static BigDecimal width(OptionContract shortLeg, OptionContract longLeg) {
        BigDecimal w = shortLeg.isPut() ? shortLeg.strike().subtract(longLeg.strike()) : longLeg.strike().subtract(shortLeg.strike());
        return w.max(BigDecimal.ZERO);
    }

    private static final class Slot {
        final OptionContract contract;
        BigDecimal left;

        Slot(OptionContract contract, BigDecimal left) {
            this.contract = contract;
            this.left = left;
        }
    }
}

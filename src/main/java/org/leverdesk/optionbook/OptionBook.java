package org.leverdesk.optionbook;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.sim.OptionCover;
import org.leverdesk.options.chain.OptionQuote;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.strategy.options.SpreadConfig;

/**
 * The account's option positions as a trader reads them: each leg marked at the chain source's quote (its
 * Greeks, days to expiry, P&amp;L and the collateral it holds, by the paper broker's {@link OptionCover} rules),
 * and the legs that form a vertical spread or an iron condor grouped as one position with its maximum profit,
 * maximum loss, break-evens and the credit strategies' exit levels. One computation for the Options view and
 * {@code leverdesk positions --greeks}.
 */
public final class OptionBook {
    private final ChainSource source;
    private final SpreadConfig spreads;
    private final SpreadConfig condors;

    /** {@code spreads} and {@code condors}: the parameters whose exits apply to verticals and condors. */
    public OptionBook(ChainSource source, SpreadConfig spreads, SpreadConfig condors) {
        this.source = source;
        this.spreads = spreads;
        this.condors = condors;
    }

    /** With the strategies' default parameters (50% / 50% for spreads, 40% / 60% for condors). */
    public OptionBook(ChainSource source) {
        this(source, SpreadConfig.defaults(SpreadConfig.Mode.SPREADS), SpreadConfig.defaults(SpreadConfig.Mode.CONDOR));
    }

    public ChainSource source() {
        return source;
    }

    /**
     * The option positions, their groups and their cover.
     *
     * @param held          options by their signed quantity in contracts (net short/long per contract)
     * @param netDelta      Σ position delta in shares of the legs that could be priced
     * @param collateral    the cash the shorts hold (OptionCover's total)
     * @param callShares    shares each underlying's uncovered short calls hold
     */
    public record Snapshot(LocalDate asOf, List<HeldOption> held, List<OptionGroup> groups, double netDelta, double collateral,
                           Map<String, BigDecimal> callShares) {
        public Snapshot {
            held = List.copyOf(held);
            groups = List.copyOf(groups);
            callShares = Map.copyOf(callShares);
        }

        /** Σ maximum loss of the grouped (defined-risk) positions in dollars. */
        public double openRisk() {
            return groups.stream().mapToDouble(g -> Double.isFinite(g.summary().maxLoss()) ? g.summary().maxLoss() : 0).sum();
        }

        public boolean holds(OptionContract c) {
            return held.stream().anyMatch(h -> h.contract().equals(c));
        }
    }

    /** Reads the option positions among {@code positions} (stock positions are left out) on {@code asOf}. */
    public Snapshot read(List<BrokerPosition> positions, LocalDate asOf) {
        List<OptionLeg> legs = new ArrayList<>();
        Map<OptionLeg, BigDecimal> brokerPrice = new LinkedHashMap<>();
        for (BrokerPosition p : positions) {
            Optional<OptionContract> c = OptionSymbols.contract(p.symbol());
            if (c.isEmpty() || p.quantity().signum() == 0) {
                continue;
            }
            OptionLeg leg = new OptionLeg(c.get(), p.quantity().doubleValue(), p.averageEntryPrice().doubleValue());
            legs.add(leg);
            brokerPrice.put(leg, p.currentPrice());
        }
        legs.sort(Comparator.comparing((OptionLeg l) -> l.contract().underlying()).thenComparing(l -> l.contract().expiry())
                .thenComparing(l -> l.contract().right()).thenComparing(l -> l.contract().strike()));
        OptionCover cover = OptionCover.of(legs.stream()
                .map(l -> new OptionCover.Leg(l.contract(), BigDecimal.valueOf(l.contracts()))).toList());
        List<HeldOption> held = new ArrayList<>();
        double netDelta = 0;
        for (OptionLeg l : legs) {
            OptionQuote q = source.quote(l.contract()).orElse(null);
            BigDecimal fallback = brokerPrice.get(l);
            double mark = q != null ? q.mark() : fallback == null ? Double.NaN : fallback.doubleValue();
            HeldOption h = new HeldOption(l, mark, q, asOf, collateral(l, cover));
            held.add(h);
            if (q != null) {
                netDelta += h.deltaShares();
            }
        }
        return new Snapshot(asOf, held, group(held), netDelta, cover.cash().doubleValue(), cover.callShares());
    }

    /** What {@code leg} holds under {@code cover}'s pairing. */
    private static String collateral(OptionLeg leg, OptionCover cover) {
        if (leg.contracts() > 0) {
            boolean paired = cover.pairs().stream().anyMatch(p -> p.longLeg().equals(leg.contract()));
            return paired ? "covers a short leg" : "";
        }
        BigDecimal pairedCash = BigDecimal.ZERO;
        BigDecimal pairedContracts = BigDecimal.ZERO;
        for (OptionCover.Pair p : cover.pairs()) {
            if (p.shortLeg().equals(leg.contract())) {
                pairedCash = pairedCash.add(p.cash());
                pairedContracts = pairedContracts.add(p.contracts());
            }
        }
        double unpaired = -leg.contracts() - pairedContracts.doubleValue();
        List<String> parts = new ArrayList<>();
        if (pairedContracts.signum() > 0) {
            parts.add(money(pairedCash.doubleValue()) + " cash (spread width)");
        }
        if (unpaired > 1e-9) {
            if (leg.contract().isPut()) {
                parts.add(money(unpaired * leg.multiplier() * leg.contract().strikeValue()) + " cash (strike)");
            } else {
                parts.add(plain(unpaired * leg.multiplier()) + " " + leg.contract().underlying() + " shares");
            }
        }
        return String.join(" + ", parts);
    }

    /** Verticals and iron condors of one underlying and expiry, each as one position; other legs stay ungrouped. */
    private List<OptionGroup> group(List<HeldOption> held) {
        Map<String, List<HeldOption>> byExpiry = new LinkedHashMap<>();
        for (HeldOption h : held) {
            byExpiry.computeIfAbsent(h.contract().underlying() + " " + h.contract().expiry(), k -> new ArrayList<>()).add(h);
        }
        List<OptionGroup> out = new ArrayList<>();
        for (List<HeldOption> legs : byExpiry.values()) {
            List<HeldOption> puts = legs.stream().filter(h -> h.contract().right() == OptionRight.PUT).toList();
            List<HeldOption> calls = legs.stream().filter(h -> h.contract().right() == OptionRight.CALL).toList();
            boolean putVertical = vertical(puts);
            boolean callVertical = vertical(calls);
            if (putVertical && callVertical && units(puts) == units(calls)) {
                double shortPut = shortLeg(puts).contract().strikeValue();
                double shortCall = shortLeg(calls).contract().strikeValue();
                boolean credit = shortPut > longLeg(puts).contract().strikeValue() && shortCall < longLeg(calls).contract().strikeValue();
                if (credit && shortPut <= shortCall) {
                    List<HeldOption> all = new ArrayList<>(puts);
                    all.addAll(calls);
                    out.add(build(shortPut == shortCall ? "iron butterfly" : "iron condor", all, condors));
                    continue;
                }
            }
            if (putVertical) {
                boolean bull = shortLeg(puts).contract().strikeValue() > longLeg(puts).contract().strikeValue();
                out.add(build(bull ? "bull put spread" : "bear put spread", puts, spreads));
            }
            if (callVertical) {
                boolean bear = shortLeg(calls).contract().strikeValue() < longLeg(calls).contract().strikeValue();
                out.add(build(bear ? "bear call spread" : "bull call spread", calls, spreads));
            }
        }
        return out;
    }

    /** Two legs of one right, one short and one long, the same number of contracts. */
    private static boolean vertical(List<HeldOption> legs) {
        return legs.size() == 2 && legs.get(0).leg().contracts() == -legs.get(1).leg().contracts();
    }

    private static int units(List<HeldOption> vertical) {
        return (int) Math.round(Math.abs(vertical.get(0).leg().contracts()));
    }

    private static HeldOption shortLeg(List<HeldOption> vertical) {
        return vertical.get(0).leg().contracts() < 0 ? vertical.get(0) : vertical.get(1);
    }

    private static HeldOption longLeg(List<HeldOption> vertical) {
        return vertical.get(0).leg().contracts() > 0 ? vertical.get(0) : vertical.get(1);
    }

    private static OptionGroup build(String kind, List<HeldOption> legs, SpreadConfig config) {
        HeldOption first = legs.get(0);
        int units = (int) Math.round(Math.abs(first.leg().contracts()));
        double perUnit = units * first.leg().multiplier();
        double credit = 0;
        double closeCost = 0;
        double profit = 0;
        List<Double> shortStrikes = new ArrayList<>();
        for (HeldOption h : legs) {
            credit -= h.leg().contracts() * h.leg().averagePrice();
            closeCost -= h.leg().contracts() * h.mark();
            profit += h.profit();
            if (h.leg().contracts() < 0) {
                shortStrikes.add(h.contract().strikeValue());
            }
        }
        credit /= Math.abs(first.leg().contracts());
        closeCost /= Math.abs(first.leg().contracts());
        Payoff payoff = new Payoff(legs.stream().map(HeldOption::leg).toList());
        Payoff.Summary summary = payoff.summary();
        OptionGroup.ExitLevels exits = null;
        if (credit > 0) {
            double maxLossPerShare = summary.maxLoss() / perUnit;
            exits = new OptionGroup.ExitLevels(credit * (1 - config.profitTakePct()), credit + config.stopLossPct() * maxLossPerShare,
                    config.shortStrikeStop() ? shortStrikes : List.of(), first.contract().expiry().minusDays(config.closeDte()));
        }
        return new OptionGroup(kind, first.contract().underlying(), first.contract().expiry(), units, legs, credit, closeCost,
                profit, payoff, summary, exits);
    }

    private static String money(double v) {
        return String.format(java.util.Locale.US, "$%,.2f", v);
    }

    private static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

package org.leverdesk.execution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.config.OptionsPortfolio;
import org.leverdesk.config.PortfolioAsset;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.riskguard.GuardState;
import org.leverdesk.riskguard.GuardStates;
import org.leverdesk.risk.RiskGate;

/**
 * The options portfolio's account-wide gates in the risk step (seed 003's {@code symbols:}), for an order unit
 * that opens or grows a position in one of its assets:
 * <ol>
 *   <li><b>one new entry per asset per cycle</b>: denied when any strategy of the asset (this one included) already
 *   opened a position in the asset's ticker, options ticker or its options on this trading day - the strategies'
 *   RiskGuard states record what each opened today, so the strategy that runs first in the day's cycle gets the
 *   entry;</li>
 *   <li><b>maxAllocPct</b>: denied when the asset would then hold more than maxAllocPct x the account's equity,
 *   counting every strategy's positions: shares at market value; puts at what assignment could cost,
 *   max(0, sum of short put strikes - sum of long put strikes) x 100 x contracts (a cash-secured put its strike, a
 *   put spread its width); calls at max(0, sum of long call strikes - sum of short call strikes) x 100 when any call
 *   is short (a call spread its width; a covered call nothing more than its shares); long options also at their
 *   premium. An entry that lowers this figure is never denied.</li>
 * </ol>
 * Closing orders never reach these gates: a limit must never keep a position open.
 */
final class AssetGate {
    private AssetGate() {
    }

    /**
     * The reason {@code unit} is denied, or empty. {@code own} is the running strategy's state (today's entries
     * before this run), {@code openedThisRun} what it opened in this run, {@code prices} each leg's price per share.
     */
    static Optional<String> check(OptionsPortfolio portfolio, GuardStates states, String strategyId, LocalDate day,
                                  GuardState own, List<String> openedThisRun, List<PlannedOrder> unit, Map<String, Long> held,
                                  Supplier<List<BrokerPosition>> positions, Account account, Map<String, Double> prices) {
        if (portfolio == null || portfolio.mode() == null) {
            return Optional.empty();
        }
        Set<PortfolioAsset> assets = new LinkedHashSet<>();
        for (PlannedOrder o : unit) {
            if (!RiskGate.reduces(o.side(), o.quantity(), held.getOrDefault(o.symbol(), 0L))) {
                portfolio.assetOf(o.symbol()).ifPresent(assets::add);
            }
        }
        for (PortfolioAsset a : assets) {
            Optional<String> entry = earlierEntry(portfolio, states, strategyId, day, own, openedThisRun, a);
            if (entry.isPresent()) {
                return Optional.of("portfolio: one new entry per asset per cycle: " + a.ticker() + " already had its entry today ("
                        + entry.get() + ")");
            }
        }
        List<BrokerPosition> all = null;
        for (PortfolioAsset a : assets) {
            if (a.maxAllocPct() >= 1) {
                continue;
            }
            if (all == null) {
                all = positions.get();
            }
            Map<String, Double> before = new LinkedHashMap<>();
            Map<String, Double> price = new LinkedHashMap<>();
            for (BrokerPosition p : all) {
                if (portfolio.assetOf(p.symbol()).filter(a::equals).isPresent() && p.quantity().signum() != 0) {
                    double q = p.quantity().doubleValue();
                    before.merge(p.symbol(), q, Double::sum);
                    if (p.marketValue() != null) {
                        price.put(p.symbol(), Math.abs(p.marketValue().doubleValue() / (q * OptionSymbols.multiplier(p.symbol()))));
                    }
                }
            }
            Map<String, Double> after = new LinkedHashMap<>(before);
            for (PlannedOrder o : unit) {
                if (portfolio.assetOf(o.symbol()).filter(a::equals).isPresent()) {
                    after.merge(o.symbol(), (double) o.side().sign() * o.quantity(), Double::sum);
                    if (prices.containsKey(o.symbol())) {
                        price.put(o.symbol(), prices.get(o.symbol()));
                    }
                }
            }
            double was = exposure(before, price);
            double now = exposure(after, price);
            double cap = a.maxAllocPct() * account.equity().doubleValue();
            if (now > cap + 0.005 && now > was) {
                return Optional.of(String.format(Locale.ROOT, "portfolio: maxAllocPct: %s would hold $%,.2f, above its %s%% of the"
                        + " equity ($%,.2f; it holds $%,.2f now)", a.ticker(), now, pct(a.maxAllocPct()), cap, was));
            }
        }
        return Optional.empty();
    }

    /** Who opened a position in {@code a} earlier today ("dca bought QQQM"), if anyone. */
    private static Optional<String> earlierEntry(OptionsPortfolio portfolio, GuardStates states, String strategyId, LocalDate day,
                                                 GuardState own, List<String> openedThisRun, PortfolioAsset a) {
        List<String> mine = new ArrayList<>(openedThisRun);
        if (day.equals(own.lastDay())) {
            mine.addAll(own.openedToday());
        }
        Optional<String> s = mine.stream().filter(sym -> in(portfolio, a, sym)).findFirst();
        if (s.isPresent()) {
            return Optional.of(strategyId + " opened " + s.get().strip().replaceAll("\\s+", " ") + " earlier");
        }
        for (String other : portfolio.strategiesOf(a)) {
            if (other.equals(strategyId)) {
                continue;
            }
            GuardState st = states.load(other);
            if (day.equals(st.lastDay())) {
                Optional<String> o = st.openedToday().stream().filter(sym -> in(portfolio, a, sym)).findFirst();
                if (o.isPresent()) {
                    return Optional.of(other + " opened " + o.get().strip().replaceAll("\\s+", " "));
                }
            }
        }
        return Optional.empty();
    }

    private static boolean in(OptionsPortfolio portfolio, PortfolioAsset a, String symbol) {
        return portfolio.assetOf(symbol).filter(a::equals).isPresent();
    }

    /** What the asset's positions ({@code quantity}: shares or contracts, negative short) can cost; see the class comment. */
    static double exposure(Map<String, Double> quantity, Map<String, Double> price) {
        double shares = 0;
        double shortPuts = 0;
        double longPuts = 0;
        double shortCalls = 0;
        double longCalls = 0;
        double premium = 0;
        for (Map.Entry<String, Double> e : quantity.entrySet()) {
            double q = e.getValue();
            double p = price.getOrDefault(e.getKey(), 0.0);
            Optional<OptionContract> c = OptionSymbols.contract(e.getKey());
            if (c.isEmpty()) {
                shares += Math.abs(q) * p;
                continue;
            }
            double strike = c.get().strike().multiply(BigDecimal.valueOf(c.get().multiplier())).doubleValue() * Math.abs(q);
            boolean put = c.get().right() == OptionRight.PUT;
            if (q < 0) {
                if (put) {
                    shortPuts += strike;
                } else {
                    shortCalls += strike;
                }
            } else if (q > 0) {
                premium += q * p * c.get().multiplier();
                if (put) {
                    longPuts += strike;
                } else {
                    longCalls += strike;
                }
            }
        }
        double puts = Math.max(0, shortPuts - longPuts);
        double calls = shortCalls > 0 ? Math.max(0, longCalls - shortCalls) : 0;
        return shares + puts + calls + premium;
    }

    private static String pct(double f) {
        return BigDecimal.valueOf(f * 100).stripTrailingZeros().toPlainString();
    }
}

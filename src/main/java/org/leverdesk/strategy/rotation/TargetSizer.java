package org.leverdesk.strategy.rotation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.leverdesk.domain.PortfolioView;
import org.leverdesk.strategy.Fmt;

/**
 * Turns the chosen sleeve's weights into whole-share targets for the real account (seed 004's
 * position sizing). The sleeve's holdings are scaled from its virtual NAV to the strategy's capital
 * ({@code capitalFraction} × the account's equity), which keeps the sleeve's weights (scaling by the
 * $100,000 starting capital instead would lever up a sleeve that has grown). Then:
 * <ol>
 *   <li>target = floor(weight × capital / price); tickers of the universe held but not weighted go to 0;</li>
 *   <li>a non-zero target whose change is under {@code tolerance} × target keeps the held shares;</li>
 *   <li>buys are paid from the buying power: the cash plus the estimated proceeds of the sells at
 *       {@code price}; when they cost more, every buy is scaled by the same factor and rounded down.</li>
 * </ol>
 */
public final class TargetSizer {
    private final double capitalFraction;
    private final double tolerance;

    public TargetSizer(double capitalFraction, double tolerance) {
        this.capitalFraction = capitalFraction;
        this.tolerance = tolerance;
    }

    /**
     * The plan for {@code weights} (ticker → weight), with {@code prices} the estimate per share of
     * every weighted or held ticker and {@code universe} the tickers the strategy manages.
     */
    public List<PlannedTarget> plan(Map<String, Double> weights, Map<String, Double> prices, Set<String> universe,
                                    PortfolioView portfolio) {
        double capital = capitalFraction * portfolio.equity();
        Set<String> symbols = new LinkedHashSet<>(weights.keySet());
        for (String held : portfolio.positions().keySet()) {
            if (universe.contains(held)) {
                symbols.add(held);
            }
        }
        List<PlannedTarget> raw = new ArrayList<>();
        double sellProceeds = 0;
        double buyCost = 0;
        for (String sym : symbols) {
            long held = portfolio.quantity(sym);
            double weight = weights.getOrDefault(sym, 0.0);
            Double price = prices.get(sym);
            if (price == null || !(price > 0)) {
                raw.add(new PlannedTarget(sym, held, held, Double.NaN, weight, "no price today; left as is"));
                continue;
            }
            long target = (long) Math.floor(weight * capital / price);
            String note = "";
            if (target > 0 && target != held && Math.abs(target - held) < tolerance * target) {
                note = String.format(Locale.ROOT, "change of %d under %.0f%% of %d; not traded", target - held, tolerance * 100, target);
                target = held;
            }
            if (target < held) {
                sellProceeds += (held - target) * price;
            } else {
                buyCost += (target - held) * price;
            }
            raw.add(new PlannedTarget(sym, held, target, price, weight, note));
        }
        double buyingPower = Math.max(0, portfolio.cash()) + sellProceeds;
        if (buyCost <= buyingPower || buyCost == 0) {
            return raw;
        }
        double factor = buyingPower / buyCost;
        List<PlannedTarget> out = new ArrayList<>(raw.size());
        for (PlannedTarget p : raw) {
            if (p.delta() > 0) {
                long buy = (long) Math.floor(p.delta() * factor);
                out.add(new PlannedTarget(p.symbol(), p.held(), p.held() + buy, p.price(), p.weight(),
                        String.format(Locale.ROOT, "buy cut from %d to %d shares: buying power %s < cost %s",
                                p.delta(), buy, Fmt.money(buyingPower), Fmt.money(buyCost))));
            } else {
                out.add(p);
            }
        }
        return out;
    }
}

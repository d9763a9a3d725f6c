package org.leverdesk.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leverdesk.broker.Quote;
import org.leverdesk.config.RiskSettings;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.Target;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.options.contract.OptionSymbols;
import org.leverdesk.strategy.ExecutionPolicy;

/**
 * Turns a strategy's targets into orders. Rules, in order:
 * <ol>
 *   <li>whole shares: the order is target minus held;</li>
 *   <li>tolerance band: a change smaller than {@code tolerancePercent} of the target is not traded
 *       (an exit to 0 always is);</li>
 *   <li>minimum trade value: an order worth less than {@code minTradeValue} at the mid is not sent
 *       (an exit to 0 always is, so no sliver is left behind);</li>
 *   <li>type: MARKET/DAY while the market is open and MARKET_ON_OPEN/OPG while it is closed; a strategy
 *       whose policy is LIMIT_FROM_MID gets a LIMIT at the mid plus (buy) or minus (sell) the offset,
 *       rounded to cents, DAY when open and OPG when closed. The offset is the strategy's own
 *       {@code limitOffsetBps} when set, else {@link RiskSettings#limitOffsetPercent()};</li>
 *   <li>buying power: buys are scaled down, in proportion and to whole shares, to the buying power.
 *       Only sells that are MARKET orders in an open market are counted as adding to it, because only
 *       they fill before the buys are sent; OPG and limit sells may fill after (or not at all), so their
 *       proceeds are not spent in advance. Buys are costed at their limit price, else at the ask;</li>
 *   <li>sells come before buys.</li>
 * </ol>
 */
public final class OrderPlanner {
    private static final double EPSILON = 1e-9;

    private final RiskSettings risk;

    public OrderPlanner(RiskSettings risk) {
        this.risk = risk;
    }

    /** Plans the orders for {@code in}. */
    public OrderPlan plan(PlanInput in) {
        List<PlannedOrder> sells = new ArrayList<>();
        List<PlannedOrder> buys = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        // Option legs of one underlying and expiry are one multi-leg order: the tolerance band and the minimum
        // trade value apply to the whole, never to a leg alone (a cheap wing left out would leave a naked short).
        java.util.Map<String, Integer> legsPerGroup = new java.util.HashMap<>();
        for (Target t : in.targets()) {
            OptionSymbols.contract(t.symbol()).ifPresent(c -> legsPerGroup.merge(c.underlying() + c.expiry(), 1, Integer::sum));
        }
        for (Target t : in.targets()) {
            String symbol = t.symbol();
            boolean comboLeg = OptionSymbols.contract(symbol).map(c -> legsPerGroup.get(c.underlying() + c.expiry()) > 1)
                    .orElse(false);
            long held = in.held().getOrDefault(symbol, 0L);
            long delta = t.quantity() - held;
            if (delta == 0) {
                skipped.add(symbol + ": holding " + held + ", the target; nothing to trade");
                continue;
            }
            Quote q = in.quotes().get(symbol);
            if (q == null) {
                skipped.add(symbol + ": no usable quote; target " + t.quantity() + " (holding " + held + ") not traded");
                continue;
            }
            long size = Math.abs(delta);
            boolean exit = t.quantity() == 0;
            if (!exit && !comboLeg && size * 100.0 < risk.tolerancePercent() * Math.abs(t.quantity())) {
                skipped.add(String.format(Locale.ROOT, "%s: change of %d is %.2f%% of the target %d, inside the %.2f%% tolerance band",
                        symbol, size, size * 100.0 / Math.abs(t.quantity()), t.quantity(), risk.tolerancePercent()));
                continue;
            }
            // Options: quantities in contracts, money × the multiplier (100 shares a contract).
            double value = size * q.mid() * OptionSymbols.multiplier(symbol);
            if (!exit && !comboLeg && value < risk.minTradeValue()) {
                skipped.add(String.format(Locale.ROOT, "%s: %d shares are worth $%,.2f, under the $%,.2f minimum trade value",
                        symbol, size, value, risk.minTradeValue()));
                continue;
            }
            Side side = delta > 0 ? Side.BUY : Side.SELL;
            PlannedOrder o = order(in, side, symbol, size, q, "target " + t.quantity() + " " + symbol + ", holding " + held);
            (side == Side.SELL ? sells : buys).add(o);
        }
        List<ComboOrder> combos = combos(in, sells, buys);
        List<PlannedOrder> fitted = fitBuyingPower(in, sells, buys, skipped);
        List<PlannedOrder> all = new ArrayList<>(sells);
        all.addAll(fitted);
        return new OrderPlan(all, skipped, combos);
    }

    /**
     * Takes the option orders that share an underlying and an expiry, two to four of them, out of
     * {@code sells} and {@code buys} into one multi-leg order each (a spread, a condor, or the close of
     * one): they fill all-or-none, and the broker holds the pair's width, not each leg's. The parent's client
     * order id is the legs' deterministic id with the leg {@code mleg-<root>-<yymmdd>-<sides>} (see {@link #sides}); each leg's recorded
     * {@code leg} is "{@code <parent leg>/<own leg>}" so a restart finds the legs of one parent. A single
     * option order (the wheel) stays a single order.
     */
    private static List<ComboOrder> combos(PlanInput in, List<PlannedOrder> sells, List<PlannedOrder> buys) {
        java.util.Map<String, List<PlannedOrder>> groups = new java.util.TreeMap<>();
        for (List<PlannedOrder> side : List.of(sells, buys)) {
            for (PlannedOrder o : side) {
                OptionSymbols.contract(o.symbol()).ifPresent(c -> groups.computeIfAbsent("mleg-" + c.underlying() + "-"
                        + c.occSymbol().substring(6, 12), k -> new ArrayList<>()).add(o));
            }
        }
        List<ComboOrder> out = new ArrayList<>();
        groups.forEach((group, legs) -> {
            if (legs.size() < 2 || legs.size() > org.leverdesk.broker.MultiLegOrderRequest.MAX_LEGS) {
                return;
            }
            String parentLeg = group + "-" + sides(legs);
            String parent = ClientOrderIds.of(in.strategyId(), in.version(), in.tradingDay(), parentLeg);
            List<PlannedOrder> named = new ArrayList<>();
            for (PlannedOrder o : legs) {
                sells.remove(o);
                buys.remove(o);
                // Multi-leg orders are DAY orders: a market combo, whatever the strategy's single orders are.
                named.add(new PlannedOrder(o.clientOrderId(), parentLeg + "/" + o.leg(), o.symbol(), o.side(), o.quantity(),
                        OrderType.MARKET, TimeInForce.DAY, null, o.reason()));
            }
            out.add(new ComboOrder(parent, named, legs.size() + " legs on " + parentLeg.substring(5) + ", one order, all or none"));
        });
        return out;
    }

    /**
     * The legs' sides in the order of their contracts ("bs": buy the lower-sorting contract, sell the other), so
     * the opening of a spread and its close on the same day (the same underlying and expiry, the sides reversed)
     * get two parent ids instead of the close being refused as a duplicate of the opening.
     */
    private static String sides(List<PlannedOrder> legs) {
        return legs.stream().sorted(java.util.Comparator.comparing(PlannedOrder::symbol))
                .map(o -> o.side() == Side.BUY ? "b" : "s").collect(java.util.stream.Collectors.joining());
    }

    private PlannedOrder order(PlanInput in, Side side, String symbol, long quantity, Quote q, String reason) {
        String leg = side.name().toLowerCase(Locale.ROOT) + "-" + symbol;
        String id = ClientOrderIds.of(in.strategyId(), in.version(), in.tradingDay(), leg);
        boolean open = in.marketOpen();
        return switch (in.policy().liveOrder()) {
            case LIMIT_FROM_MID -> new PlannedOrder(id, leg, symbol, side, quantity, OrderType.LIMIT,
                    open ? TimeInForce.DAY : TimeInForce.OPG, limitPrice(q, side, in.policy()), reason);
            case MARKET_ON_CLOSE -> open
                    ? new PlannedOrder(id, leg, symbol, side, quantity, OrderType.MARKET_ON_CLOSE, TimeInForce.CLS, null, reason)
                    : onOpen(id, leg, symbol, side, quantity, reason);
            // Seed 004: market-on-open orders when run after the close, market orders while the market is open
            // (an OPG order sent during the session would wait for the next day's open or be refused).
            case MARKET_ON_OPEN, MARKET -> open
                    ? new PlannedOrder(id, leg, symbol, side, quantity, OrderType.MARKET, TimeInForce.DAY, null, reason)
                    : onOpen(id, leg, symbol, side, quantity, reason);
        };
    }

    private static PlannedOrder onOpen(String id, String leg, String symbol, Side side, long quantity, String reason) {
        return new PlannedOrder(id, leg, symbol, side, quantity, OrderType.MARKET_ON_OPEN, TimeInForce.OPG, null, reason);
    }

    /** Mid plus (buy) or minus (sell) the offset, rounded half-up to the tick (see {@link #tick}). */
    BigDecimal limitPrice(Quote q, Side side, ExecutionPolicy policy) {
        double offset = policy.limitOffsetBps() > 0 ? policy.limitOffsetBps() / 10_000 : risk.limitOffsetPercent() / 100;
        double price = q.mid() * (1 + side.sign() * offset);
        return tick(price, RoundingMode.HALF_UP);
    }

    /**
     * A price on the US equity tick grid: cents at $1.00 and above, hundredths of a cent below (SEC Rule
     * 612 forbids sub-penny limits above $1; TQQQ traded near $0.20 in 2010 on today's share basis).
     */
    public static BigDecimal tick(double price, RoundingMode rounding) {
        return BigDecimal.valueOf(price).setScale(price >= 1 ? 2 : 4, rounding);
    }

    /**
     * The protective stop of a position: a good-till-cancelled STOP sell of every share held at
     * {@code stopPrice} (rounded down to the tick, so it never sits above the price the strategy named).
     */
    public static PlannedOrder protectiveStop(String strategyId, int version, java.time.LocalDate day, String symbol,
                                              long quantity, double stopPrice) {
        String leg = "stop-" + symbol;
        BigDecimal stop = tick(stopPrice, RoundingMode.DOWN);
        return new PlannedOrder(ClientOrderIds.of(strategyId, version, day, leg), leg, symbol, Side.SELL, quantity,
                OrderType.STOP, TimeInForce.GTC, null, stop, "stop loss at " + stop.stripTrailingZeros().toPlainString());
    }

    private List<PlannedOrder> fitBuyingPower(PlanInput in, List<PlannedOrder> sells, List<PlannedOrder> buys,
                                              List<String> skipped) {
        double available = in.buyingPower();
        for (PlannedOrder s : sells) {
            // A sell to open an option brings a premium but holds collateral at the broker: it adds nothing.
            if (s.type() == OrderType.MARKET && in.marketOpen() && !OptionSymbols.isOption(s.symbol())) {
                available += s.quantity() * in.quotes().get(s.symbol()).bid() - in.fees().of(s.quantity());
            }
        }
        long[] qty = new long[buys.size()];
        for (int i = 0; i < qty.length; i++) {
            qty[i] = buys.get(i).quantity();
        }
        if (cost(in, buys, qty) <= available + EPSILON) {
            return buys;
        }
        // Scale every buy by one factor, net of the per-order fees, then take whole shares off the largest
        // while rounding (the broker prices to hundredths of a cent and rounds money to cents) leaves it over.
        double perShareTotal = 0;
        for (int i = 0; i < qty.length; i++) {
            perShareTotal += qty[i] * (buyPrice(in, buys.get(i)) * OptionSymbols.multiplier(buys.get(i).symbol())
                    + in.fees().perShare());
        }
        double f = Math.max(0, available - buys.size() * in.fees().perOrder()) / perShareTotal;
        for (int i = 0; i < qty.length; i++) {
            qty[i] = (long) Math.floor(qty[i] * f + EPSILON);
        }
        while (cost(in, buys, qty) > available + EPSILON) {
            int largest = 0;
            for (int i = 1; i < qty.length; i++) {
                largest = qty[i] > qty[largest] ? i : largest;
            }
            if (qty[largest] == 0) {
                break;
            }
            qty[largest]--;
        }
        List<PlannedOrder> out = new ArrayList<>();
        for (int i = 0; i < qty.length; i++) {
            PlannedOrder b = buys.get(i);
            long scaled = qty[i];
            double price = buyPrice(in, b);
            String why = String.format(Locale.ROOT, "buying power $%,.2f covers %d of %d %s at $%,.2f", available, scaled,
                    b.quantity(), b.symbol(), price);
            if (scaled == 0 || scaled * in.quotes().get(b.symbol()).mid() * OptionSymbols.multiplier(b.symbol()) < risk.minTradeValue()) {
                skipped.add(b.symbol() + ": " + why + ", under the " + String.format(Locale.ROOT, "$%,.2f", risk.minTradeValue())
                        + " minimum trade value; not bought");
                continue;
            }
            out.add(new PlannedOrder(b.clientOrderId(), b.leg(), b.symbol(), b.side(), scaled, b.type(), b.timeInForce(),
                    b.limitPrice(), b.reason() + "; scaled down: " + why));
        }
        return out;
    }

    /** What buys of {@code qty} shares cost with their fees (a zero quantity costs nothing). */
    private static double cost(PlanInput in, List<PlannedOrder> buys, long[] qty) {
        double c = 0;
        for (int i = 0; i < qty.length; i++) {
            if (qty[i] > 0) {
                // Cents: the broker rounds each order's value to the cent.
                c += Math.ceil(qty[i] * buyPrice(in, buys.get(i)) * OptionSymbols.multiplier(buys.get(i).symbol()) * 100 - EPSILON) / 100
                        + in.fees().of(qty[i]);
            }
        }
        return c;
    }

    /** A buy is costed at its limit, else at the ask rounded up to the hundredth of a cent the broker fills at. */
    private static double buyPrice(PlanInput in, PlannedOrder b) {
        if (b.limitPrice() != null) {
            return b.limitPrice().doubleValue();
        }
        return Math.ceil(in.quotes().get(b.symbol()).ask() * 10_000 - 1e-6) / 10_000;
    }
}

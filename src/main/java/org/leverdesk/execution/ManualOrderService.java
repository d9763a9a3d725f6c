package org.leverdesk.execution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerException;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.risk.GateVerdict;
import org.leverdesk.risk.RiskGate;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link ManualOrders} over the pieces a strategy's orders go through: the broker's quote checked by
 * the {@link QuoteGuard}, the {@link RiskGate} (a halted account only lets closing orders pass; a
 * denial is journalled), the intent recorded in the store before the broker is called, and a client
 * order id of its own family, {@code ld-manual-<yyyymmdd>-<n>} (the n-th manual order of that New
 * York day), so a manual order can never be mistaken for, or collide with, a strategy's. A send whose
 * outcome is unclear is looked up by its client order id, never sent again. Journalled as "order" by
 * "manual".
 */
public final class ManualOrderService implements ManualOrders {
    /** The strategy id manual orders are recorded under. */
    public static final String STRATEGY = "manual";
    private static final Logger LOG = LoggerFactory.getLogger(ManualOrderService.class);
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");
    /** End-of-day quotes (the paper broker on daily prices) are judged against the last few sessions, not seconds. */
    private static final Duration DAILY_QUOTE_AGE = Duration.ofDays(5);

    private final Broker broker;
    private final OrderRepository orders;
    private final RiskGate gate;
    private final QuoteGuard quotes;
    private final JournalRepository journal;
    private final Clock clock;
    private final boolean live;

    public ManualOrderService(Broker broker, OrderRepository orders, RiskGate gate, QuoteGuard quotes, JournalRepository journal,
                              Clock clock, boolean live) {
        this.broker = broker;
        this.orders = orders;
        this.gate = gate;
        this.quotes = quotes;
        this.journal = journal;
        this.clock = clock;
        this.live = live;
    }

    @Override
    public boolean live() {
        return live;
    }

    @Override
    public String brokerName() {
        return broker.name();
    }

    @Override
    public TicketPreview preview(ManualTicket t) {
        List<String> problems = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        String symbol = t.symbol() == null ? "" : t.symbol().trim().toUpperCase(Locale.ROOT);
        if (!TICKER.matcher(symbol).matches()) {
            problems.add("Symbol must be a ticker like QQQ (got '" + t.symbol() + "')");
            return empty(symbol, problems);
        }
        if (t.side() == null || t.type() == null || t.timeInForce() == null || t.sizing() == null) {
            problems.add("Choose buy or sell, the order type and how long it works");
            return empty(symbol, problems);
        }
        if (t.type() != OrderType.MARKET && t.type() != OrderType.LIMIT && t.type() != OrderType.STOP) {
            problems.add("The ticket sends market, limit and stop orders (got " + t.type() + ")");
        }
        if (t.type().needsLimitPrice() && !positive(t.limitPrice())) {
            problems.add("Limit price must be above $0.00");
        }
        if (t.type().needsStopPrice() && !positive(t.stopPrice())) {
            problems.add("Stop price must be above $0.00");
        }
        if (!positive(t.amount())) {
            problems.add((t.sizing() == ManualTicket.Sizing.SHARES ? "Quantity" : "Amount") + " must be above 0");
        } else if (t.sizing() == ManualTicket.Sizing.SHARES && t.amount().stripTrailingZeros().scale() > 0) {
            problems.add("Quantity must be whole shares (got " + t.amount().toPlainString() + ")");
        }
        BigDecimal price = null;
        try {
            QuoteCheck q = quotes.check(symbol, broker.latestQuote(symbol),
                    broker.quotesFromDailyCloses() ? clock.instant().minus(DAILY_QUOTE_AGE) : null);
            if (!q.usable()) {
                problems.add(q.reason());
            } else {
                price = switch (t.type()) {
                    case LIMIT -> t.limitPrice();
                    case STOP -> t.stopPrice();
                    default -> BigDecimal.valueOf(t.side() == Side.BUY ? q.quote().ask() : q.quote().bid());
                };
                if (broker.quotesFromDailyCloses()) {
                    warnings.add("Prices are end-of-day closes (last " + LocalDate.ofInstant(q.quote().at(), NEW_YORK) + ")");
                }
            }
        } catch (BrokerException e) {
            problems.add(symbol + ": no quote from " + broker.name() + " (" + e.getMessage() + ")");
        }
        Account account = null;
        long held = 0;
        try {
            account = broker.account();
            for (BrokerPosition p : broker.positions()) {
                if (p.symbol().equals(symbol)) {
                    held = p.quantity().longValue();
                }
            }
        } catch (BrokerException e) {
            problems.add("The account at " + broker.name() + " could not be read: " + e.getMessage());
        }
        long shares = 0;
        if (price != null && price.signum() > 0 && positive(t.amount())) {
            shares = t.sizing() == ManualTicket.Sizing.SHARES ? t.amount().longValue()
                    : t.amount().divide(price, 0, RoundingMode.FLOOR).longValue();
            if (shares == 0 && t.sizing() == ManualTicket.Sizing.DOLLARS) {
                problems.add("$" + money(t.amount()) + " buys no whole share at $" + money(price));
            }
        }
        BigDecimal value = price == null ? null : price.multiply(BigDecimal.valueOf(shares)).setScale(2, RoundingMode.HALF_UP);
        BigDecimal power = account == null ? null : account.buyingPower();
        BigDecimal after = null;
        if (power != null && value != null) {
            boolean reduces = t.side() == Side.SELL && shares <= held || t.side() == Side.BUY && held < 0 && shares <= -held;
            after = t.side() == Side.BUY && !reduces ? power.subtract(value) : reduces ? power.add(value) : power.subtract(value);
            if (t.side() == Side.BUY && !reduces && value.compareTo(power) > 0) {
                problems.add("Needs $" + money(value) + " but the buying power is $" + money(power));
            }
        }
        long heldAfter = held + (t.side() == Side.BUY ? shares : -shares);
        if (t.side() == Side.SELL && heldAfter < 0 && shares > 0) {
            warnings.add("Sells " + (-heldAfter > shares ? shares : -heldAfter) + " shares more than held: opens a short position");
        }
        if (account != null && account.tradingBlocked()) {
            problems.add("The broker blocks trading on account " + account.accountId());
        }
        if (shares > 0 && t.side() != null) {
            GateVerdict v = gate.evaluate(symbol, t.side(), shares, held);
            if (!v.allowed()) {
                problems.add(v.reason());
            }
        }
        if (t.timeInForce() != TimeInForce.DAY && t.timeInForce() != TimeInForce.GTC) {
            problems.add("Time in force must be DAY or GTC (got " + t.timeInForce() + ")");
        }
        return new TicketPreview(symbol, shares, price, value, power, after, held, heldAfter, nextClientOrderId(), live,
                problems, warnings);
    }

    @Override
    public ManualOrderResult submit(ManualTicket t) {
        TicketPreview p = preview(t);
        if (!p.sendable()) {
            return new ManualOrderResult(p.clientOrderId(), false, null, null, "Not sent: " + String.join("; ", p.problems()));
        }
        String cid = p.clientOrderId();
        GateVerdict v = gate.check(STRATEGY, cid, p.symbol(), t.side(), p.shares(), p.held());
        if (!v.allowed()) {
            return new ManualOrderResult(cid, false, null, null, "Not sent: " + v.reason());
        }
        LocalDate day = LocalDate.now(clock.withZone(NEW_YORK));
        BigDecimal limit = t.type() == OrderType.LIMIT ? t.limitPrice() : null;
        BigDecimal stop = t.type() == OrderType.STOP ? t.stopPrice() : null;
        PlannedOrder order = new PlannedOrder(cid, "manual-" + cid.substring(cid.lastIndexOf('-') + 1), p.symbol(), t.side(),
                p.shares(), t.type(), t.timeInForce(), limit, stop, "manual order");
        // The same crash-safe send as a strategy's orders: intent recorded first, look-up instead of a re-send.
        OrderOutcome out = new OrderSender(broker, IntentLog.of(orders), journal::append).send(STRATEGY, day, order);
        return switch (out.kind()) {
            case SENT, ADOPTED, RECOVERED, ALREADY_SENT -> new ManualOrderResult(cid, true, out.status(), out.brokerOrderId(),
                    "Sent " + order.text() + " as " + cid + " · " + out.status());
            case REJECTED -> new ManualOrderResult(cid, false, OrderStatus.REJECTED, null, "Rejected by " + broker.name() + ": "
                    + out.detail().replaceFirst("^rejected by the broker: ", ""));
            default -> new ManualOrderResult(cid, false, out.status(), out.brokerOrderId(), out.detail());
        };
    }

    /** The next free {@code ld-manual-<yyyymmdd>-<n>} of today (New York). */
    String nextClientOrderId() {
        String prefix = "ld-" + STRATEGY + "-" + DateTimeFormatter.BASIC_ISO_DATE.format(LocalDate.now(clock.withZone(NEW_YORK))) + "-";
        int n = 1;
        while (orders.findByClientOrderId(prefix + n).isPresent()) {
            n++;
        }
        return prefix + n;
    }

    private TicketPreview empty(String symbol, List<String> problems) {
        return new TicketPreview(symbol, 0, null, null, null, null, 0, 0, null, live, problems, List.of());
    }

    private static boolean positive(BigDecimal v) {
        return v != null && v.signum() > 0;
    }

    private static String money(BigDecimal v) {
        return new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(Locale.US)).format(v);
    }
}

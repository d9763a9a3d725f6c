package org.leverdesk.emergency;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.CancelReport;
import org.leverdesk.broker.MultiLegOrderRequest;
import org.leverdesk.broker.OrderRequest;
import org.leverdesk.broker.sim.OptionCover;
import org.leverdesk.common.SecretMask;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.domain.OrderType;
import org.leverdesk.domain.Side;
import org.leverdesk.domain.TimeInForce;
import org.leverdesk.emergency.EmergencyReport.Halt;
import org.leverdesk.emergency.EmergencyReport.OrderLine;
import org.leverdesk.emergency.EmergencyReport.Outcome;
import org.leverdesk.emergency.EmergencyReport.PositionLine;
import org.leverdesk.notify.Notification;
import org.leverdesk.notify.NotificationKind;
import org.leverdesk.notify.Notifier;
import org.leverdesk.options.contract.OptionSymbols;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one emergency path. {@link #run} sets trading to HALTED first (so no job buys back while it
 * works), cancels every open order in scope (the whole account with the broker's cancel-all and its
 * per-order report, {@link Broker#cancelAllReported}; one strategy's orders one by one), closes every position in scope, then re-reads
 * the broker until the scope is flat or the time limit passes (cancelling orders and closing positions
 * that appear meanwhile, e.g. a fill that raced the cancel), updates the stored orders with the broker's
 * final status (CANCELED), journals every step, notifies, and returns an exact {@link EmergencyReport}.
 *
 * <p>It needs only a broker, a place to record (which may be {@link EmergencyRecord#unavailable}) and a
 * notifier: never a valid strategy config, never the scheduler or a task executor, and it takes no lock
 * a decision cycle holds. Every failing step is reported and the next one still runs; a failure to
 * record or notify never stops the broker part. Broker texts pass {@link SecretMask} before they are
 * recorded, logged, notified or reported.
 */
public final class EmergencyExit {
    /** How long {@link #run} re-reads the broker for a flat account by default. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);
    /** How often it re-reads the broker meanwhile. */
    public static final Duration DEFAULT_POLL = Duration.ofMillis(500);
    private static final Logger LOG = LoggerFactory.getLogger(EmergencyExit.class);
    // Re-sending a close for a symbol whose closing order ended without closing it (rejected, cancelled).
    private static final int CLOSE_ATTEMPTS = 2;

    /** Waits between looks at the broker (tests pass one that moves a clock). */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    private final Broker broker;
    private final EmergencyRecord record;
    private final Notifier notifier;
    private final Clock clock;
    private final Duration timeLimit;
    private final Duration poll;
    private final Sleeper sleeper;
    private final Runnable onHalted;
    private static final BigDecimal NONE = BigDecimal.ZERO;

    /**
     * @param notifier  where the report goes (null: nobody is notified)
     * @param onHalted  runs after the state is HALTED (the runtime wakes its scheduler); null for none
     */
    public EmergencyExit(Broker broker, EmergencyRecord record, Notifier notifier, Clock clock, Duration timeLimit,
                         Duration poll, Sleeper sleeper, Runnable onHalted) {
        this.broker = Objects.requireNonNull(broker, "an emergency exit needs a broker");
        this.record = Objects.requireNonNull(record, "record");
        this.notifier = notifier;
        this.clock = clock;
        this.timeLimit = timeLimit;
        this.poll = poll;
        this.sleeper = sleeper;
        this.onHalted = onHalted;
    }

    /** With the default time limit and polling, real sleeping and no hook. */
    public EmergencyExit(Broker broker, EmergencyRecord record, Notifier notifier, Clock clock) {
        this(broker, record, notifier, clock, DEFAULT_TIME_LIMIT, DEFAULT_POLL, d -> Thread.sleep(d.toMillis()), null);
    }

    /** The broker's name (for confirmations: "every position at alpaca-paper"). */
    public String brokerName() {
        return broker.name();
    }

    /** Closes the whole account and halts trading: the panic button. */
    public EmergencyReport closeAll(String by, String reason) {
        return run(EmergencyScope.wholeAccount(), by, reason);
    }

    /** Runs the emergency exit of {@code scope}; {@code by} and {@code reason} go into the journal and the report. */
    public EmergencyReport run(EmergencyScope scope, String by, String reason) {
        return new Run(scope, by, reason).execute();
    }

    /** One exit's state while it runs. */
    private final class Run {
        private EmergencyScope scope;
        private final String by;
        private final String reason;
        private final String strategyId;
        private final Instant started = clock.instant();
        private final List<String> problems = new ArrayList<>();
        // by broker order id: the orders asked to cancel, in order
        private final Map<String, BrokerOrder> cancelling = new LinkedHashMap<>();
        private final Map<String, String> cancelFailures = new LinkedHashMap<>();
        // by symbol: the position's quantity when first closed, the closing order id (null when already flat), attempts
        private final Map<String, BigDecimal> closing = new LinkedHashMap<>();
        private final Map<String, String> closingOrder = new LinkedHashMap<>();
        private final Map<String, String> closeDetail = new LinkedHashMap<>();
        private final Map<String, Integer> closeAttempts = new LinkedHashMap<>();
        private final Set<String> closeFailed = new TreeSet<>();
        // by option on the strategy's own roots (decision record 0031): the other strategies' part when first seen (what
        // this exit leaves held) and the account's whole position then; a strategy scope closes only the difference
        private final Map<String, BigDecimal> others = new LinkedHashMap<>();
        private final Map<String, BigDecimal> heldWhole = new LinkedHashMap<>();
        private boolean ownershipUnknown;
        // by broker order id: the strategy the store recorded each open order under (finds a combo's legs)
        private Map<String, String> orderOwners = Map.of();
        private int partOrders;

        Run(EmergencyScope scope, String by, String reason) {
            this.scope = scope;
            this.by = by;
            this.reason = reason == null || reason.isBlank() ? "no reason given" : reason;
            this.strategyId = scope.strategyId();
        }

        EmergencyReport execute() {
            LOG.warn("emergency exit of {} at {} requested by {}: {}", scope.label(), broker.name(), by, reason);
            journal("emergency exit of " + scope.label() + " at " + broker.name() + " requested by " + by + ": " + reason);
            if (record.problem() != null) {
                problems.add("nothing could be recorded: " + record.problem());
            }
            Halt halt = halt();
            ownership();
            boolean marketOpen = marketOpen();
            List<BrokerOrder> listed = listOpenOrders();
            if (scope.isWholeAccount()) {
                cancelEverything(listed);
            } else {
                cancelOpenOrders(listed);
            }
            awaitCancels();
            closePositions(listPositions(), marketOpen);
            Outcome outcome;
            String detail;
            Instant deadline = started.plus(timeLimit);
            // Counted too, so a clock that stands still (a fixed test clock) cannot keep it waiting forever.
            long looksLeft = Math.max(1, timeLimit.toMillis() / Math.max(1, poll.toMillis())) + 1;
            while (true) {
                Look look = look();
                if (look == null) {
                    outcome = Outcome.UNKNOWN;
                    detail = "the broker could not be read to check the result; look at the account at the broker";
                } else {
                    catchUp(look);
                    List<String> open = stillOpen(look);
                    if (open.isEmpty() && look.positions.isEmpty()) {
                        outcome = Outcome.FLAT;
                        detail = "the broker shows no position and no open order in " + scope.label();
                        break;
                    }
                    boolean onlyClosingOrdersRest = open.isEmpty() && look.positions.stream()
                            .allMatch(p -> isOpenClosingOrder(p.symbol(), look));
                    if (!marketOpen && onlyClosingOrdersRest) {
                        outcome = Outcome.CLOSING_AT_OPEN;
                        detail = "the market is closed: closing orders for " + symbols(look.positions)
                                + " rest until the next open; no other order is open";
                        break;
                    }
                    outcome = Outcome.NOT_FLAT;
                    detail = "after " + timeLimit.toSeconds() + " s still open: " + remaining(look, open);
                }
                if (!clock.instant().isBefore(deadline) || --looksLeft <= 0) {
                    break;
                }
                try {
                    sleeper.sleep(poll);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    problems.add("interrupted while waiting for the broker");
                    break;
                }
            }
            List<OrderLine> orders = finalOrders();
            List<PositionLine> positions = positionLines(outcome);
            EmergencyReport report = new EmergencyReport(scope.label(), broker.name(), by, started, clock.instant(), halt,
                    orders, positions, outcome, mask(detail), problems);
            journal(report.summary() + " [" + String.join("; ", report.lines()) + "]");
            LOG.warn("emergency exit finished: {}", report.summary());
            notifyReport(report);
            return report;
        }

        /**
         * A strategy scope with option roots of its own takes the store's ownership (its part of each shared contract).
         * When the store cannot tell, its options are not closed (selling its long wing could be another strategy's
         * cover) and the report says so: close-all-options closes every contract whatever its owner.
         */
        private void ownership() {
            if (scope.optionRoots().isEmpty()) {
                return;
            }
            try {
                orderOwners = Map.copyOf(record.openOrderOwners());
            } catch (RuntimeException e) {
                journal("the store's open orders cannot be read (" + mask(message(e)) + "): only orders whose client order id"
                        + " is " + strategyId + "'s are cancelled in its option contracts");
            }
            if (scope.ownership() != null) {
                return;
            }
            try {
                scope = scope.withOwnership(Objects.requireNonNull(record.ownership(strategyId, scope.optionRoots()),
                        "no ownership"));
            } catch (RuntimeException e) {
                ownershipUnknown = true;
                String m = "its part of the options on " + String.join(", ", new TreeSet<>(scope.optionRoots()))
                        + " cannot be told (" + mask(message(e)) + "): they are NOT closed; close every option with"
                        + " 'leverdesk close-all --options' if they must go";
                problems.add(m);
                journal(m);
            }
        }

        /**
         * The positions in scope, an option on the strategy's own roots with the strategy's part only (the quantity the
         * exit closes): the whole position less the other strategies' part when the exit first saw it.
         */
        private List<BrokerPosition> inScope(List<BrokerPosition> all) {
            List<BrokerPosition> out = new ArrayList<>();
            Map<String, Long> parts = null;
            for (BrokerPosition p : all) {
                if (p.quantity().signum() == 0 || !scope.covers(p.symbol())) {
                    continue;
                }
                if (!scope.isOwnOption(p.symbol()) || scope.symbols().contains(p.symbol())) {
                    out.add(p);
                    continue;
                }
                if (ownershipUnknown) {
                    continue;
                }
                if (!others.containsKey(p.symbol())) {
                    if (parts == null) {
                        parts = scope.ownership() == null ? Map.of() : scope.ownership().parts(all);
                    }
                    Long part = parts.get(p.symbol());
                    BigDecimal mine = part == null ? p.quantity() : BigDecimal.valueOf(part);
                    others.put(p.symbol(), p.quantity().subtract(mine));
                    heldWhole.put(p.symbol(), p.quantity());
                }
                BigDecimal first = heldWhole.get(p.symbol()).subtract(others.get(p.symbol()));
                BigDecimal mine = p.quantity().subtract(others.get(p.symbol()));
                // Only what still points the way its part did: another strategy's trade meanwhile is not its to close.
                if (mine.signum() != 0 && mine.signum() == first.signum()) {
                    if (mine.abs().compareTo(first.abs()) > 0) {
                        mine = first;
                    }
                    out.add(new BrokerPosition(p.symbol(), mine, p.averageEntryPrice(), p.marketValue(), p.currentPrice(),
                            p.unrealizedProfit()));
                }
            }
            return out;
        }

        /**
         * Waits (a third of the time limit at most) until the broker no longer lists the orders asked to cancel:
         * Alpaca refuses to close a position whose shares a pending cancel still holds ("insufficient qty"),
         * and a close sent after the cancels went through needs no retry.
         */
        private void awaitCancels() {
            if (cancelling.isEmpty()) {
                return;
            }
            Duration most = timeLimit.dividedBy(3);
            Instant until = clock.instant().plus(most);
            long looks = Math.max(1, most.toMillis() / Math.max(1, poll.toMillis()));
            while (looks-- > 0) {
                List<BrokerOrder> open;
                try {
                    open = broker.openOrders();
                } catch (RuntimeException e) {
                    return; // the closes and the final look say what is wrong
                }
                Set<String> stillListed = new java.util.HashSet<>();
                open.forEach(o -> stillListed.add(o.brokerOrderId()));
                if (cancelling.keySet().stream().noneMatch(stillListed::contains) || !clock.instant().isBefore(until)) {
                    return;
                }
                try {
                    sleeper.sleep(poll);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }

        private Halt halt() {
            if (!scope.halt()) {
                return new Halt(false, false, "not asked: only " + scope.label() + " is closed; the other strategies keep"
                        + " trading");
            }
            String why = "emergency exit of " + scope.label() + " by " + by + ": " + reason + "; nothing is bought until"
                    + " 'leverdesk resume' (or Resume in the window)";
            try {
                record.halt(why);
                if (onHalted != null) {
                    onHalted.run();
                }
                return new Halt(true, true, "trading is HALTED before anything else: nothing is bought until 'leverdesk"
                        + " resume' (or Resume in the window)");
            } catch (RuntimeException e) {
                String m = mask(message(e));
                LOG.error("emergency exit could not set HALTED: {}", m);
                return new Halt(true, false, "the HALTED state could not be stored (" + m + "); scheduled runs may still"
                        + " buy: stop the daemon or the window, then run 'leverdesk halt'");
            }
        }

        private boolean marketOpen() {
            try {
                return broker.clock().open();
            } catch (RuntimeException e) {
                return true; // unknown: wait the full time limit rather than stop early
            }
        }

        private List<BrokerOrder> listOpenOrders() {
            try {
                return broker.openOrders().stream().filter(o -> scope.coversOrder(o, orderOwners)).toList();
            } catch (RuntimeException e) {
                String m = mask(message(e));
                problems.add("listing the open orders failed: " + m);
                journal("listing the open orders failed: " + m);
                return List.of();
            }
        }

        /**
         * The whole account: one "cancel every open order" at the broker ({@link Broker#cancelAllReported}),
         * which also reaches orders the listing missed; each order it took a cancel for is followed to its
         * final status, each it refused is a failed line with the broker's reason. When that call fails as a
         * whole, each listed order is cancelled on its own.
         */
        private void cancelEverything(List<BrokerOrder> listed) {
            CancelReport r;
            try {
                r = broker.cancelAllReported();
            } catch (RuntimeException e) {
                String m = mask(message(e));
                journal("cancelling every open order at once failed (" + m + "); cancelling them one by one");
                if (listed.isEmpty()) {
                    problems.add("cancelling every open order failed: " + m);
                }
                cancelOpenOrders(listed);
                return;
            }
            Map<String, BrokerOrder> known = new LinkedHashMap<>();
            listed.forEach(o -> known.put(o.brokerOrderId(), o));
            for (BrokerOrder o : r.requested()) {
                if (cancelling.putIfAbsent(o.brokerOrderId(), o) == null) {
                    journal("cancel requested: " + describeOrder(o));
                }
            }
            for (CancelReport.Failure f : r.failures()) {
                BrokerOrder o = f.order() != null ? f.order() : known.get(f.brokerOrderId());
                String why = mask(f.reason());
                if (o == null) {
                    problems.add("order " + f.brokerOrderId() + " NOT cancelled: " + why);
                    journal("cancel FAILED: broker order " + f.brokerOrderId() + ": " + why);
                    continue;
                }
                cancelling.putIfAbsent(o.brokerOrderId(), o);
                cancelFailures.put(o.brokerOrderId(), why);
                journal("cancel FAILED: " + describeOrder(o) + ": " + why);
            }
        }

        private void cancelOpenOrders(List<BrokerOrder> open) {
            for (BrokerOrder o : open) {
                cancel(o);
            }
        }

        private void cancel(BrokerOrder o) {
            if (cancelling.containsKey(o.brokerOrderId())) {
                return;
            }
            cancelling.put(o.brokerOrderId(), o);
            try {
                broker.cancel(o.brokerOrderId());
                journal("cancel requested: " + describeOrder(o));
            } catch (RuntimeException e) {
                String m = mask(message(e));
                cancelFailures.put(o.brokerOrderId(), m);
                journal("cancel FAILED: " + describeOrder(o) + ": " + m);
            }
        }

        private List<BrokerPosition> listPositions() {
            try {
                return inScope(broker.positions());
            } catch (RuntimeException e) {
                String m = mask(message(e));
                problems.add("listing the positions failed: " + m);
                journal("listing the positions failed: " + m);
                if (scope.isWholeAccount()) {
                    try {
                        broker.closeAllPositions().forEach(c -> {
                            closing.putIfAbsent(c.symbol(), c.quantity());
                            closingOrder.put(c.symbol(), c.brokerOrderId());
                            closeDetail.put(c.symbol(), mask(c.detail()));
                            if (!c.closed()) {
                                closeFailed.add(c.symbol());
                            }
                            journal("close " + c.symbol() + ": " + (c.closed() ? "" : "FAILED ") + mask(c.detail()));
                        });
                    } catch (RuntimeException again) {
                        String m2 = mask(message(again));
                        problems.add("closing every position at once failed too: " + m2);
                        journal("closing every position at once failed too: " + m2);
                    }
                }
                return List.of();
            }
        }

        /**
         * Options before shares (a share sold first could leave a call uncovered), and among options every short/long
         * pair ({@link OptionCover}: a spread, each side of a condor) as one multi-leg order while the market is open
         * (multi-leg orders are DAY orders), then the lone shorts bought back before the longs are sold, so no moment
         * holds a naked short. A broker that refuses the combo gets its legs one by one in that same order.
         */
        private void closePositions(List<BrokerPosition> positions, boolean marketOpen) {
            Map<String, BigDecimal> left = new LinkedHashMap<>();
            List<OptionCover.Leg> options = new ArrayList<>();
            for (BrokerPosition p : positions) {
                left.put(p.symbol(), p.quantity());
                OptionSymbols.contract(p.symbol()).ifPresent(c -> options.add(new OptionCover.Leg(c, p.quantity())));
            }
            if (marketOpen) {
                int n = 0;
                for (OptionCover.Pair pair : OptionCover.of(options).pairs()) {
                    closeSpread(pair, ++n, left);
                }
            }
            List<Map.Entry<String, BigDecimal>> rest = new ArrayList<>(left.entrySet());
            rest.removeIf(e -> e.getValue().signum() == 0);
            rest.sort(java.util.Comparator.comparingInt(e -> OptionSymbols.contract(e.getKey()).isEmpty() ? 2
                    : e.getValue().signum() < 0 ? 0 : 1));
            for (Map.Entry<String, BigDecimal> e : rest) {
                close(e.getKey(), closing.getOrDefault(e.getKey(), e.getValue()), e.getValue());
            }
        }

        /**
         * Buys the short leg back and sells the long leg as one multi-leg order (client ids from this exit's start, so
         * each exit's are its own). Filled: the pair's contracts leave {@code left} (a remainder is closed alone).
         * Sent but not filled: both legs leave {@code left}, so no single close doubles the resting combo. Refused:
         * nothing changes and the legs are closed one by one.
         */
        private void closeSpread(OptionCover.Pair pair, int n, Map<String, BigDecimal> left) {
            String shortSymbol = pair.shortLeg().occSymbol();
            String longSymbol = pair.longLeg().occSymbol();
            String parent = "ld-emergency-mleg-" + started.getEpochSecond() + "-" + n;
            closing.putIfAbsent(shortSymbol, left.get(shortSymbol));
            closing.putIfAbsent(longSymbol, left.get(longSymbol));
            MultiLegOrderRequest combo = new MultiLegOrderRequest(parent, List.of(
                    new OrderRequest(parent + "-s", shortSymbol, Side.BUY, pair.contracts(), OrderType.MARKET, TimeInForce.DAY, null, null),
                    new OrderRequest(parent + "-l", longSymbol, Side.SELL, pair.contracts(), OrderType.MARKET, TimeInForce.DAY, null, null)),
                    OrderType.MARKET, TimeInForce.DAY, null);
            String what = "the spread " + EmergencyReport.plain(pair.contracts()) + " × (short " + shortSymbol + ", long "
                    + longSymbol + ")";
            List<BrokerOrder> legs;
            boolean record = shared(shortSymbol) || shared(longSymbol);
            try {
                if (record) {
                    combo.legs().forEach(this::recordIntent);
                }
                legs = broker.submitMultiLeg(combo);
                if (record) {
                    legs.forEach(this::recordOutcome);
                }
            } catch (RuntimeException e) {
                if (record) {
                    // refused: the legs recorded above never reached the broker
                    combo.legs().forEach(l -> recordOutcome(new BrokerOrder(null, l.clientOrderId(), l.symbol(), l.side(),
                            l.quantity(), BigDecimal.ZERO, null, l.type(), l.timeInForce(), null, null, OrderStatus.REJECTED,
                            clock.instant(), clock.instant(), mask(message(e)))));
                }
                String m = mask(message(e));
                journal("closing " + what + " as one multi-leg order failed (" + m + "); closing its legs one by one,"
                        + " the short first");
                return;
            }
            boolean filled = legs.stream().allMatch(o -> o.status() == OrderStatus.FILLED);
            for (BrokerOrder o : legs) {
                closingOrder.put(o.symbol(), o.brokerOrderId());
                closeDetail.put(o.symbol(), "multi-leg " + parent + ": " + (o.side() == Side.BUY ? "bought " : "sold ")
                        + EmergencyReport.plain(o.quantity()) + (filled ? " at " + EmergencyReport.money(o.filledAveragePrice())
                        : ", order " + o.brokerOrderId() + " " + o.status()));
                if (filled) {
                    left.merge(o.symbol(), o.side() == Side.BUY ? o.quantity() : o.quantity().negate(), BigDecimal::add);
                } else {
                    left.put(o.symbol(), BigDecimal.ZERO);
                }
            }
            journal("closing " + what + ": multi-leg order " + parent + " " + (filled ? "filled" : "sent"));
        }

        private void close(String symbol, BigDecimal quantity) {
            close(symbol, quantity, quantity);
        }

        /** True when other strategies hold a part of {@code symbol}: the exit closes only the strategy's part. */
        private boolean shared(String symbol) {
            return others.getOrDefault(symbol, NONE).signum() != 0;
        }

        /**
         * Records a partial close under the strategy before it is sent (the split of shared contracts counts the
         * strategies' own orders, so its part leaves its count and not another's); a failure is reported, and the close
         * is sent all the same: an emergency exit is never blocked.
         */
        private void recordIntent(OrderRequest r) {
            try {
                record.closingOrder(strategyId, r);
            } catch (RuntimeException e) {
                String m = "recording the closing order " + r.clientOrderId() + " under " + strategyId + " failed ("
                        + mask(message(e)) + "): the other strategies' parts of " + r.symbol() + " may be miscounted until it"
                        + " is reconciled";
                problems.add(m);
                journal(m);
            }
        }

        private void recordOutcome(BrokerOrder o) {
            try {
                record.closingOutcome(o);
            } catch (RuntimeException e) {
                // the reconciler records it from the broker by its client order id
                journal("recording what became of " + o.clientOrderId() + " failed: " + mask(message(e)));
            }
        }

        /**
         * Closes {@code symbol}: the whole position with the broker's close, or, when other strategies hold a part of it,
         * only {@code part} (signed, the strategy's) with a market order the other way.
         */
        private void close(String symbol, BigDecimal quantity, BigDecimal part) {
            int attempts = closeAttempts.merge(symbol, 1, Integer::sum);
            if (attempts > CLOSE_ATTEMPTS) {
                return;
            }
            closing.putIfAbsent(symbol, quantity);
            try {
                Optional<BrokerOrder> order;
                if (shared(symbol)) {
                    OrderRequest r = new OrderRequest("ld-emergency-part-" + started.getEpochSecond() + "-" + (++partOrders),
                            symbol, part.signum() < 0 ? Side.BUY : Side.SELL, part.abs(), OrderType.MARKET, TimeInForce.DAY,
                            null, null);
                    recordIntent(r);
                    order = Optional.of(broker.submit(r));
                    recordOutcome(order.get());
                } else {
                    order = broker.closePosition(symbol);
                }
                closeFailed.remove(symbol);
                if (order.isPresent()) {
                    BrokerOrder o = order.get();
                    closingOrder.put(symbol, o.brokerOrderId());
                    closeDetail.put(symbol, "closing order " + o.brokerOrderId() + " " + o.type() + " " + o.status());
                    journal("closing " + symbol + " " + EmergencyReport.plain(quantity) + ": order " + o.brokerOrderId() + " "
                            + o.type() + " " + o.status());
                } else {
                    closeDetail.put(symbol, "already flat");
                    journal("closing " + symbol + ": already flat");
                }
            } catch (RuntimeException e) {
                String m = mask(message(e));
                closeFailed.add(symbol);
                closeDetail.put(symbol, m);
                journal("closing " + symbol + " " + EmergencyReport.plain(quantity) + " FAILED: " + m);
            }
        }

        /** Orders and positions that appeared or survived since the first pass get the same treatment. */
        private void catchUp(Look look) {
            for (BrokerOrder o : look.openOrders) {
                if (!closingOrder.containsValue(o.brokerOrderId()) && !cancelling.containsKey(o.brokerOrderId())) {
                    journal("a new open order appeared: " + describeOrder(o));
                    cancel(o);
                }
            }
            for (BrokerPosition p : look.positions) {
                String id = closingOrder.get(p.symbol());
                boolean resting = id != null && look.openOrders.stream().anyMatch(o -> o.brokerOrderId().equals(id));
                boolean waitingForCancels = look.openOrders.stream().anyMatch(o -> o.symbol().equals(p.symbol())
                        && cancelling.containsKey(o.brokerOrderId()) && !cancelFailures.containsKey(o.brokerOrderId()));
                if (!resting && !waitingForCancels && !closeFailedForGood(p.symbol())) {
                    if (closing.containsKey(p.symbol())) {
                        journal(p.symbol() + " " + EmergencyReport.plain(p.quantity()) + " is still held and has no resting"
                                + " closing order; closing it again");
                    }
                    close(p.symbol(), p.quantity());
                }
            }
        }

        private boolean closeFailedForGood(String symbol) {
            return closeAttempts.getOrDefault(symbol, 0) >= CLOSE_ATTEMPTS;
        }

        private List<String> stillOpen(Look look) {
            List<String> open = new ArrayList<>();
            for (BrokerOrder o : look.openOrders) {
                if (!closingOrder.containsValue(o.brokerOrderId())) {
                    open.add(describeOrder(o));
                }
            }
            return open;
        }

        private boolean isOpenClosingOrder(String symbol, Look look) {
            String id = closingOrder.get(symbol);
            return id != null && look.openOrders.stream().anyMatch(o -> o.brokerOrderId().equals(id));
        }

        private Look look() {
            try {
                // its own closing orders too (a partial close's client id is the exit's, not the strategy's)
                List<BrokerOrder> open = broker.openOrders().stream()
                        .filter(o -> scope.coversOrder(o, orderOwners) || closingOrder.containsValue(o.brokerOrderId())).toList();
                List<BrokerPosition> held = inScope(broker.positions());
                return new Look(open, held);
            } catch (RuntimeException e) {
                LOG.warn("emergency exit: reading the broker failed: {}", mask(message(e)));
                return null;
            }
        }

        /** Each order asked to cancel with the broker's final status; the store's record follows the broker. */
        private List<OrderLine> finalOrders() {
            List<OrderLine> out = new ArrayList<>();
            for (BrokerOrder asked : cancelling.values()) {
                BrokerOrder now = asked;
                boolean read = false;
                try {
                    if (asked.clientOrderId() != null) {
                        Optional<BrokerOrder> found = broker.orderByClientOrderId(asked.clientOrderId());
                        now = found.orElse(asked);
                        read = found.isPresent();
                    }
                } catch (RuntimeException e) {
                    LOG.warn("emergency exit: cannot read the final status of {}: {}", asked.brokerOrderId(), mask(message(e)));
                }
                String failure = cancelFailures.get(asked.brokerOrderId());
                OrderStatus status = read ? now.status() : null;
                boolean ended = status != null && status.isFinal();
                String detail;
                if (ended) {
                    detail = status == OrderStatus.CANCELED ? "CANCELED"
                            : status + " before the cancel reached it" + (status == OrderStatus.FILLED ? " (its position is closed above)" : "");
                    if (failure != null) {
                        // e.g. cancelled by closing its symbol's position after the broker refused the cancel itself
                        detail += " (the cancel itself failed: " + failure + ")";
                    }
                    try {
                        if (record.orderStatus(now.clientOrderId(), status, now.brokerOrderId())) {
                            detail += "; recorded";
                        }
                    } catch (RuntimeException e) {
                        problems.add("recording " + now.clientOrderId() + " as " + status + " failed: " + mask(message(e)));
                    }
                } else if (failure != null) {
                    detail = "the cancel failed: " + failure + (status == null ? "" : "; the broker shows it " + status);
                } else {
                    detail = "still " + (status == null ? "open (its final status could not be read)" : status)
                            + " after the time limit";
                }
                out.add(new OrderLine(asked.brokerOrderId(), asked.clientOrderId(), asked.symbol(), asked.side().name(),
                        asked.quantity(), asked.type().name(), status, ended, mask(detail)));
            }
            return out;
        }

        private List<PositionLine> positionLines(Outcome outcome) {
            Look last = outcome == Outcome.UNKNOWN ? null : look();
            List<PositionLine> out = new ArrayList<>();
            closing.forEach((symbol, qty) -> {
                boolean stillHeld = last == null || last.positions.stream().anyMatch(p -> p.symbol().equals(symbol));
                boolean failed = closeFailed.contains(symbol);
                String detail = closeDetail.getOrDefault(symbol, "");
                String part = heldWhole.containsKey(symbol) ? "its part of " + EmergencyReport.plain(heldWhole.get(symbol))
                        + " held; " : "";
                boolean ok;
                if (failed) {
                    ok = false;
                    detail = "the close failed: " + detail;
                } else if (!stillHeld) {
                    ok = true;
                    detail = "closed" + (detail.isEmpty() || detail.equals("already flat") ? "" : " - " + detail);
                } else if (outcome == Outcome.CLOSING_AT_OPEN) {
                    ok = true;
                    detail = "closing at the next open - " + detail;
                } else {
                    ok = false;
                    detail = "still held - " + detail;
                }
                out.add(new PositionLine(symbol, qty, ok, closingOrder.get(symbol), mask(part + detail)));
            });
            return out;
        }

        private void notifyReport(EmergencyReport report) {
            if (notifier == null) {
                return;
            }
            try {
                notifier.send(new Notification(NotificationKind.KILL_SWITCH, strategyId, report.summary(),
                        String.join("\n", report.lines()), report.finished()));
            } catch (RuntimeException e) {
                LOG.warn("emergency exit: notifying failed: {}", mask(message(e)));
            }
        }

        private void journal(String message) {
            try {
                record.journal(strategyId, mask(message));
            } catch (RuntimeException e) {
                String m = "journalling '" + mask(message) + "' failed: " + mask(message(e));
                LOG.error("emergency exit: {}", m);
                if (problems.stream().noneMatch(p -> p.startsWith("journalling"))) {
                    problems.add(m);
                }
            }
        }

        private String remaining(Look look, List<String> open) {
            List<String> parts = new ArrayList<>(open);
            look.positions.forEach(p -> parts.add(p.symbol() + " " + EmergencyReport.plain(p.quantity()) + " held"));
            return String.join(", ", parts);
        }
    }

    /** One look at the broker: the open orders and positions in scope. */
    private record Look(List<BrokerOrder> openOrders, List<BrokerPosition> positions) {
    }

    private static String describeOrder(BrokerOrder o) {
        return (o.clientOrderId() == null ? "" : o.clientOrderId() + " ") + "(" + o.side() + " "
                + EmergencyReport.plain(o.quantity()) + " " + o.symbol() + " " + o.type() + ", broker order " + o.brokerOrderId()
                + ")";
    }

    private static String symbols(List<BrokerPosition> positions) {
        return String.join(", ", positions.stream().map(BrokerPosition::symbol).toList());
    }

    private static String message(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().replace('\n', ' ');
    }

    private static String mask(String s) {
        return SecretMask.redact(s);
    }
}

package org.leverdesk.execution;

import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerOrder;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.common.JsonText;
import org.leverdesk.domain.OrderStatus;
import org.leverdesk.store.JournalRepository;
import org.leverdesk.store.OrderQueries;
import org.leverdesk.store.OrderRepository;
import org.leverdesk.store.PositionSnapshotRepository;
import org.leverdesk.store.StoreException;
import org.leverdesk.store.StoredOrder;
import org.leverdesk.strategy.Fmt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the store in line with the broker, whose positions and open orders are the truth. Each
 * stored order that is not final is looked up by its client order id and takes the broker's status
 * (and broker order id); one the broker never saw is marked REJECTED ("never reached the broker")
 * unless it was recorded today, when it stays NEW for today's run to send once, or it is a market-on-open
 * intent held for release whose opening auction (until 09:28 ET) is still ahead.
 * Open orders the store does not know are differences; positions that changed since the last snapshot
 * are listed apart (own fills change them too, so they are not by themselves a discrepancy).
 * Positions come from the broker's positions endpoint, so a position held for months needs no fill
 * history. Every difference is journalled (kind "reconcile", position changes "position-change") and a new position snapshot is taken.
 */
public final class Reconciler {
    private static final Logger LOG = LoggerFactory.getLogger(Reconciler.class);

    private final OrderRepository orders;
    private final OrderQueries orderLists;
    private final PositionSnapshotRepository snapshots;
    private final JournalRepository journal;
    private final Clock clock;
    private final PositionChecks checks;
    private final org.leverdesk.market.calendar.TradingCalendar calendar;

    /** Without position checks (the store's own share count is not compared with the broker's). */
    public Reconciler(OrderRepository orders, OrderQueries orderLists, PositionSnapshotRepository snapshots,
                      JournalRepository journal, Clock clock) {
        this(orders, orderLists, snapshots, journal, clock, null, new org.leverdesk.market.calendar.NyseCalendar());
    }

    /** With {@code checks} of the broker's positions against the store's own count (null: none). */
    public Reconciler(OrderRepository orders, OrderQueries orderLists, PositionSnapshotRepository snapshots,
                      JournalRepository journal, Clock clock, PositionChecks checks) {
        this(orders, orderLists, snapshots, journal, clock, checks, new org.leverdesk.market.calendar.NyseCalendar());
    }

    /**
     * With {@code checks} (null: none) and the exchange calendar that says until when a held market-on-open
     * intent may still be released.
     */
    public Reconciler(OrderRepository orders, OrderQueries orderLists, PositionSnapshotRepository snapshots,
                      JournalRepository journal, Clock clock, PositionChecks checks,
                      org.leverdesk.market.calendar.TradingCalendar calendar) {
        this.calendar = calendar;
        this.orders = orders;
        this.orderLists = orderLists;
        this.snapshots = snapshots;
        this.journal = journal;
        this.clock = clock;
        this.checks = checks;
    }

    /** True when {@code stored} was recorded on today's New York date. */
    private boolean recordedToday(StoredOrder stored) {
        java.time.ZoneId ny = java.time.ZoneId.of("America/New_York");
        return stored.createdAt().atZone(ny).toLocalDate().equals(java.time.LocalDate.now(clock.withZone(ny)));
    }

    /**
     * True when {@code stored} is a market-on-open intent an after-close decision held for release (see
     * {@link org.leverdesk.broker.AuctionWindows}) and its opening auction can still be reached.
     */
    private boolean heldForTheOpen(StoredOrder stored) {
        return stored.intent().timeInForce() == org.leverdesk.domain.TimeInForce.OPG
                && clock.instant().isBefore(org.leverdesk.broker.AuctionWindows.opgDeadlineAfter(stored.intent().tradingDay(),
                calendar));
    }

    /** Reconciles the store with {@code broker} and returns what it found. */
    public ReconciliationReport reconcile(Broker broker) {
        // Positions first: an answer that cannot be read stops everything before the store is touched.
        List<BrokerPosition> positions = broker.positions();
        List<BrokerOrder> open = broker.openOrders();
        List<String> differences = new ArrayList<>();
        List<String> changes = new ArrayList<>();
        int updated = 0;
        List<ReconciliationReport.Filled> filled = new ArrayList<>();
        List<ReconciliationReport.Ended> ended = new ArrayList<>();

        List<StoredOrder> notFinal = orderLists.notFinal();
        ComboLegLookup combos = new ComboLegLookup(broker, notFinal);
        for (StoredOrder stored : notFinal) {
            String id = stored.intent().clientOrderId();
            Optional<BrokerOrder> at = broker.orderByClientOrderId(id);
            if (at.isEmpty()) {
                at = combos.find(stored);
            }
            try {
                if (at.isEmpty() && stored.status() == OrderStatus.NEW && heldForTheOpen(stored)) {
                    differences.add(note(stored, "order " + id + " is held for the next opening auction; it is released"
                            + " at 19:00 ET (or before 09:28 ET) under the same client order id"));
                } else if (at.isEmpty() && stored.status() == OrderStatus.NEW && recordedToday(stored)) {
                    // Still today's order: the run that follows sends it, once, under the same client order id.
                    differences.add(note(stored, "order " + id + " was recorded but never reached the broker; today's run"
                            + " sends it once with the same client order id"));
                } else if (at.isEmpty()) {
                    String why = stored.status() == OrderStatus.NEW
                            ? "never reached the broker (its intent was recorded but the broker has no order " + id + ")"
                            : "was " + stored.status() + " in the store but the broker has no order " + id;
                    // Superseded: a newer run's decision replaces the one this intent belonged to.
                    orders.recordOutcome(id, OrderStatus.REJECTED, null, null, null, "superseded: " + why
                            + "; a newer trading day's decision replaces it");
                    differences.add(note(stored, "order " + id + " " + why + "; marked REJECTED"));
                    updated++;
                } else if (at.get().status() != stored.status() || stored.brokerOrderId() == null
                        || filledOf(at.get()).compareTo(stored.filledQuantity()) != 0) {
                    BrokerOrder b = at.get();
                    orders.recordOutcome(id, b.status(), b.brokerOrderId(), b.filledQuantity(), b.filledAveragePrice(),
                            b.rejectReason());
                    if (b.status() == OrderStatus.FILLED && stored.status() != OrderStatus.FILLED) {
                        filled.add(new ReconciliationReport.Filled(stored.intent().strategyId(), b));
                    }
                    if (b.status() == OrderStatus.REJECTED || b.status() == OrderStatus.CANCELED
                            || b.status() == OrderStatus.EXPIRED || b.status() == OrderStatus.PARTIALLY_FILLED) {
                        // A late rejection, a cancel, an expiry or a partial fill: the strategy's position is not its target.
                        ended.add(new ReconciliationReport.Ended(stored.intent().strategyId(), b));
                    }
                    differences.add(note(stored, "order " + id + ": store said " + stored.status() + ", broker says "
                            + b.status() + " (filled " + plain(b.filledQuantity()) + " of " + plain(b.quantity())
                            + (b.filledAveragePrice() == null ? "" : " at " + Fmt.money(b.filledAveragePrice().doubleValue()))
                            + (b.rejectReason() == null ? "" : ", " + b.rejectReason()) + "); updated"));
                    updated++;
                }
            } catch (StoreException e) {
                differences.add(note(stored, "order " + id + ": could not update the store: " + e.getMessage()));
            }
        }

        for (BrokerOrder b : open) {
            if (b.clientOrderId() == null || orders.findByClientOrderId(b.clientOrderId()).isEmpty()) {
                differences.add(note(null, "open order " + b.brokerOrderId() + " (" + b.side() + " " + plain(b.quantity()) + " "
                        + b.symbol() + ", client id " + b.clientOrderId() + ") is at the broker but not in the store"));
            }
        }

        Map<String, PositionSnapshotRepository.Row> last = snapshots.latest(broker.name());
        Map<String, BigDecimal> now = new HashMap<>();
        List<PositionSnapshotRepository.Row> rows = new ArrayList<>();
        for (BrokerPosition p : positions) {
            now.put(p.symbol(), p.quantity());
            rows.add(new PositionSnapshotRepository.Row(p.symbol(), p.quantity(), zeroIfNull(p.averageEntryPrice()),
                    zeroIfNull(p.marketValue())));
        }
        Set<String> symbols = new java.util.TreeSet<>(now.keySet());
        symbols.addAll(last.keySet());
        for (String s : symbols) {
            BigDecimal before = last.containsKey(s) ? last.get(s).quantity() : BigDecimal.ZERO;
            BigDecimal after = now.getOrDefault(s, BigDecimal.ZERO);
            if (before.compareTo(after) != 0) {
                String text = "position " + s + ": " + plain(before) + " at the last snapshot, " + plain(after) + " now";
                journal.append("position-change", null, text, null);
                changes.add(text);
            }
        }
        List<String> holds = new ArrayList<>();
        List<String> external = new ArrayList<>();
        if (checks != null) {
            // After the orders were brought up to date, so fills since the last run are counted.
            checks.check(positions, last, differences, holds, external);
        }
        snapshots.record(broker.name(), rows);
        LOG.info("reconciled with {}: {} positions, {} open orders, {} differences, {} orders updated", broker.name(),
                positions.size(), open.size(), differences.size(), updated);
        return new ReconciliationReport(clock.instant(), broker.name(), positions, open, differences, changes, updated,
                filled, ended, holds, external);
    }

    private String note(StoredOrder order, String text) {
        journal.append("reconcile", order == null ? null : order.intent().strategyId(), text,
                order == null ? null : JsonText.of(Map.of("clientOrderId", order.intent().clientOrderId())));
        return text;
    }

    private static BigDecimal filledOf(BrokerOrder b) {
        return b.filledQuantity() == null ? BigDecimal.ZERO : b.filledQuantity();
    }

    private static BigDecimal zeroIfNull(BigDecimal v) {
        return v == null ? BigDecimal.ZERO : v;
    }

    private static String plain(BigDecimal v) {
        return v == null ? "0" : v.stripTrailingZeros().toPlainString();
    }
}

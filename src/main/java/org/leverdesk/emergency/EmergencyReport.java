package org.leverdesk.emergency;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.leverdesk.domain.OrderStatus;

/**
 * What an emergency exit did, exactly: whether trading was halted, each open order it asked to cancel
 * and how it ended, each position it closed (the closing order) or could not, what it could not do and
 * why, and whether the broker showed the scope flat before the time limit.
 *
 * @param scope     what was closed ("the whole account", "strategy regime (TQQQ)")
 * @param broker    the broker's name
 * @param by        who asked ("window", "cli", "daemon control channel", "telegram")
 * @param halt      the trading-state step
 * @param orders    every open order it asked to cancel, with the broker's final status
 * @param positions every position it closed or failed to close
 * @param outcome   what the last look at the broker showed
 * @param detail    one line about the outcome (what is still open, and why)
 * @param problems  steps that failed outside one order or position (listing, recording, notifying)
 */
public record EmergencyReport(String scope, String broker, String by, Instant started, Instant finished, Halt halt,
                              List<OrderLine> orders, List<PositionLine> positions, Outcome outcome, String detail,
                              List<String> problems) {
    /** What the broker showed at the end. */
    public enum Outcome {
        /** No position and no open order in scope. */
        FLAT,
        /** The market is closed: the closing orders rest until the next open, nothing else is open. */
        CLOSING_AT_OPEN,
        /** Something is still open after the time limit (see the detail). */
        NOT_FLAT,
        /** The broker could not be read at the end. */
        UNKNOWN
    }

    /** The trading-state step: asked for, done, and what was recorded or why not. */
    public record Halt(boolean requested, boolean done, String detail) {
    }

    /** One open order asked to be cancelled; {@code status} is the broker's final status (null if unknown). */
    public record OrderLine(String brokerOrderId, String clientOrderId, String symbol, String side, BigDecimal quantity,
                            String type, OrderStatus status, boolean ok, String detail) {
        /** "order ld-regime-v1-20260105-buy-TQQQ (buy 40 TQQQ LIMIT): CANCELED". */
        public String text() {
            return "order " + (clientOrderId == null ? brokerOrderId : clientOrderId) + " (" + side.toLowerCase(Locale.ROOT) + " "
                    + plain(quantity) + " " + symbol + " " + type + "): " + detail;
        }
    }

    /** One position closed (or not): the closing order's id when one was sent. */
    public record PositionLine(String symbol, BigDecimal quantity, boolean ok, String closingOrderId, String detail) {
        /** "TQQQ 10: closed - closing order b-3 MARKET FILLED". */
        public String text() {
            return symbol + " " + plain(quantity) + ": " + detail;
        }
    }

    public EmergencyReport {
        orders = List.copyOf(orders);
        positions = List.copyOf(positions);
        problems = List.copyOf(problems);
    }

    /** True when the halt (if asked), every cancel and every close worked and nothing is left open but closing orders. */
    public boolean ok() {
        return (!halt.requested() || halt.done()) && orders.stream().allMatch(OrderLine::ok)
                && positions.stream().allMatch(PositionLine::ok) && problems.isEmpty()
                && (outcome == Outcome.FLAT || outcome == Outcome.CLOSING_AT_OPEN);
    }

    /** Orders that ended CANCELED. */
    public List<OrderLine> cancelled() {
        return orders.stream().filter(o -> o.status() == OrderStatus.CANCELED).toList();
    }

    /** One line: "Close all (the whole account): 2 orders cancelled, 1 position closed, FLAT; trading HALTED". */
    public String summary() {
        long cancelled = cancelled().size();
        long closed = positions.stream().filter(PositionLine::ok).count();
        long failed = orders.stream().filter(o -> !o.ok()).count() + positions.stream().filter(p -> !p.ok()).count()
                + problems.size() + (halt.requested() && !halt.done() ? 1 : 0);
        String state = switch (outcome) {
            case FLAT -> "flat";
            case CLOSING_AT_OPEN -> "closing orders rest until the next open";
            case NOT_FLAT -> "NOT flat";
            case UNKNOWN -> "flat or not UNKNOWN";
        };
        return "Close " + scope + " at " + broker + ": " + cancelled + (cancelled == 1 ? " order" : " orders") + " cancelled, "
                + closed + (closed == 1 ? " position" : " positions") + " closed, " + state
                + (halt.requested() ? (halt.done() ? "; trading HALTED" : "; trading NOT halted") : "")
                + (failed > 0 ? "; " + failed + " FAILED: check the broker now" : "");
    }

    /** Every step as one line each, for the CLI, the window and notifications. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        if (halt.requested()) {
            out.add((halt.done() ? "halted: " : "NOT halted: ") + halt.detail());
        }
        if (orders.isEmpty()) {
            out.add("open orders: none");
        }
        orders.forEach(o -> out.add((o.ok() ? "cancelled " : "FAILED to cancel ") + o.text()));
        if (positions.isEmpty()) {
            out.add("positions: none");
        }
        positions.forEach(p -> out.add((p.ok() ? "" : "FAILED ") + p.text()));
        problems.forEach(p -> out.add("FAILED: " + p));
        out.add(outcome + ": " + detail + " (" + seconds(Duration.between(started, finished)) + ")");
        return out;
    }

    private static String seconds(Duration d) {
        return String.format(Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
    }

    /** A fill price in dollars and cents, "$61.25", as the window and the CLI show prices; "?" when unknown. */
    static String money(BigDecimal v) {
        return v == null ? "?" : String.format(Locale.ROOT, v.signum() < 0 ? "-$%,.2f" : "$%,.2f", v.abs());
    }

    static String plain(BigDecimal v) {
        return v == null ? "?" : v.stripTrailingZeros().toPlainString();
    }
}

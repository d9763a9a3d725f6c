package org.leverdesk.report.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What a daily or weekly account report says: the period, the broker and account now, equity at the
 * period's start (null when unknown), positions grouped by the strategy that owns their symbol, the
 * period's orders and journal events, the risk guard's state, the next scheduled runs, and the equity
 * at each recorded close (for the chart).
 */
public record AccountReport(Kind kind, LocalDate from, LocalDate to, Instant generatedAt, String broker, String accountId,
                            BigDecimal equity, BigDecimal startEquity, BigDecimal cash, List<StrategyLine> strategies,
                            List<OrderLine> orders, List<EventLine> events, String guardState, String guardReason,
                            List<String> nextRuns, List<EquityPoint> equityCurve) {
    public enum Kind { DAILY, WEEKLY }

    public AccountReport {
        strategies = List.copyOf(strategies);
        orders = List.copyOf(orders);
        events = List.copyOf(events);
        nextRuns = List.copyOf(nextRuns);
        equityCurve = List.copyOf(equityCurve);
    }

    /** The period's P&L (equity now − equity at the start), or null when the start is unknown. */
    public BigDecimal profit() {
        return startEquity == null ? null : equity.subtract(startEquity);
    }

    /** A strategy's (or "unassigned") positions. */
    public record StrategyLine(String strategyId, List<PositionLine> positions) {
        public StrategyLine {
            positions = List.copyOf(positions);
        }

        public BigDecimal marketValue() {
            return positions.stream().map(PositionLine::marketValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public BigDecimal unrealizedProfit() {
            return positions.stream().map(PositionLine::unrealizedProfit).reduce(BigDecimal.ZERO, BigDecimal::add);
        }
    }

    public record PositionLine(String symbol, BigDecimal quantity, BigDecimal averagePrice, BigDecimal currentPrice,
                               BigDecimal marketValue, BigDecimal unrealizedProfit) {
    }

    public record OrderLine(Instant at, String strategyId, String side, BigDecimal quantity, String symbol, String type,
                            String status, String clientOrderId) {
    }

    public record EventLine(Instant at, String kind, String strategyId, String message) {
    }

    public record EquityPoint(LocalDate date, BigDecimal equity) {
    }
}

package org.leverdesk.app.context;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.broker.paper.PaperBroker;
import org.leverdesk.domain.Decision;
import org.leverdesk.notify.message.DailySummary;
import org.leverdesk.notify.message.PositionLine;

/** Builds the end-of-day summary from the broker's account and positions and each strategy's last regime. */
final class DailySummaries {
    private DailySummaries() {
    }

    /**
     * The summary of {@code day}: equity, cash and previous-close equity from the broker, the paper
     * account's starting capital (unknown for a real broker), positions, and for each of
     * {@code strategyIds} the regime of its latest decision ({@code lastDecision} may return null: "n/a").
     * The day's P&L counts from {@code previousEquity} (the previous summary's equity) when known, else
     * from the broker's previous-close equity (which the paper broker already rolls at the close).
     */
    static DailySummary of(Broker broker, LocalDate day, Instant time, List<String> strategyIds,
                           Function<String, Decision> lastDecision, BigDecimal previousEquity) {
        Account account = broker.account();
        List<PositionLine> positions = broker.positions().stream()
                .sorted(Comparator.comparing(BrokerPosition::symbol))
                .map(p -> new PositionLine(p.symbol(), p.quantity(), p.averageEntryPrice(), p.currentPrice()))
                .toList();
        Map<String, String> regimes = new LinkedHashMap<>();
        for (String id : strategyIds) {
            Decision d = lastDecision.apply(id);
            regimes.put(id, d == null ? null : d.explanation().regime());
        }
        return new DailySummary(day, time, account.equity(), previousEquity != null ? previousEquity : account.lastEquity(),
                broker instanceof PaperBroker paper ? paper.startingCapital() : null, account.cash(), positions, regimes);
    }
}

package org.leverdesk.store;

import java.sql.PreparedStatement;
import java.util.List;
import org.leverdesk.domain.Bar;
import org.leverdesk.market.data.BarStatus;
import org.leverdesk.market.feed.FeedStore;
import org.leverdesk.market.feed.FeedWrite;

/** The store as the market-data refresh's {@link FeedStore}: each symbol's write is one transaction. */
public final class StoreFeedBars implements FeedStore {
    private final Store store;
    private final BarRepository bars;

    public StoreFeedBars(Store store) {
        this.store = store;
        this.bars = new BarRepository(store);
    }

    @Override
    public List<Bar> lastFinalBars(String symbol, int n) {
        return bars.lastFinal(symbol, n);
    }

    @Override
    public List<BarStatus> provisionalBars(String symbol) {
        return bars.provisional(symbol);
    }

    @Override
    public List<org.leverdesk.market.data.Split> applyKnownSplits(String symbol, java.time.LocalDate through) {
        return new SplitRepository(store).adjustBars(symbol, through);
    }

    @Override
    public void recordSplits(List<org.leverdesk.market.data.Split> splits) {
        SplitRepository repo = new SplitRepository(store);
        for (org.leverdesk.market.data.Split s : splits) {
            try {
                repo.record(s, java.time.Instant.now());
            } catch (IllegalArgumentException conflict) {
                // A different ratio entered by hand for the same day stays; the log says so.
                org.slf4j.LoggerFactory.getLogger(StoreFeedBars.class).warn("{}", conflict.getMessage());
            }
        }
    }

    @Override
    public void write(String symbol, FeedWrite w) {
        if (w.isEmpty()) {
            return;
        }
        store.inTransaction("save the refreshed bars of " + symbol, c -> {
            if (w.replaceSeries()) {
                BarRepository.deleteAll(c, symbol);
            } else if (w.adjRebase() != 1.0) {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE bars SET adj_close = adj_close * ? WHERE symbol = ? AND provisional = FALSE")) {
                    ps.setDouble(1, w.adjRebase());
                    ps.setString(2, symbol);
                    ps.executeUpdate();
                }
            }
            if (w.dropProvisionalThrough() != null) {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM bars WHERE symbol = ? AND provisional AND bar_date <= ?")) {
                    ps.setString(1, symbol);
                    ps.setObject(2, w.dropProvisionalThrough());
                    ps.executeUpdate();
                }
            }
            bars.writeFinal(c, symbol, w.finals(), w.source());
            if (w.provisional() != null) {
                bars.writeProvisional(c, symbol, w.provisional(), w.provisionalAsOf(), w.source());
            }
            return null;
        });
    }
}

package org.leverdesk.ui.data;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.leverdesk.common.CancellationToken;
import org.leverdesk.common.ProgressListener;
import org.leverdesk.market.feed.DataUpdater;
import org.leverdesk.market.feed.RefreshReport;
import org.leverdesk.market.feed.SymbolRefresh;

/** A {@link DataUpdater} for ViewModel tests: a canned report, a reason it cannot run, or a failure. */
final class FakeDataUpdater implements DataUpdater {
    volatile String unavailable;
    volatile RuntimeException failure;
    volatile int updates;
    volatile List<SymbolRefresh> result = List.of();

    @Override
    public Optional<String> unavailable() {
        return Optional.ofNullable(unavailable);
    }

    @Override
    public String describe() {
        return "QQQ, TQQQ from Alpaca market data";
    }

    @Override
    public RefreshReport update(ProgressListener progress, CancellationToken cancel) {
        updates++;
        progress.progress(0, "QQQ: reading Alpaca market data");
        cancel.throwIfCancelled();
        if (failure != null) {
            throw failure;
        }
        progress.progress(1, "done");
        return new RefreshReport("Alpaca market data (iex feed)", Instant.parse("2024-12-03T20:50:00Z"), result);
    }
}

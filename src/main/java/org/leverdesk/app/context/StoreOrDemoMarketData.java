package org.leverdesk.app.context;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.BarStatus;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.demo.DemoMarketData;
import org.leverdesk.market.demo.DemoMarketGenerator;
import org.leverdesk.store.StoreMarketData;
import org.leverdesk.store.Store;

/**
 * The default price source: the store once it holds any bars, the simulated demo market before
 * that. Real and simulated prices are never mixed: as soon as one symbol is imported, only
 * imported symbols are available. Re-checked on every call so an import switches the app over.
 */
final class StoreOrDemoMarketData implements MarketData {
    private final StoreMarketData stored;
    private final DemoMarketData demo;

    StoreOrDemoMarketData(Store store, TradingCalendar calendar, LocalDate demoEnd) {
        this.stored = new StoreMarketData(store);
        this.demo = new DemoMarketData(new DemoMarketGenerator(calendar, DemoMarketGenerator.DEFAULT_SEED), demoEnd);
    }

    private MarketData current() {
        return stored.symbols().isEmpty() ? demo : stored;
    }

    /**
     * The source in use now, fixed: trading keeps the market it started on (the DEMO paper account never
     * sees real prices after an import, and real decisions are never filled at simulated prices).
     */
    MarketData pinned() {
        return current();
    }

    @Override
    public String sourceLabel() { return current().sourceLabel(); }

    @Override
    public boolean isSimulated() { return current().isSimulated(); }

    @Override
    public Set<String> symbols() { return current().symbols(); }

    @Override
    public BarSeries bars(String symbol, LocalDate from, LocalDate to) { return current().bars(symbol, from, to); }

    @Override
    public Optional<BarStatus> lastBar(String symbol, LocalDate onOrBefore) { return current().lastBar(symbol, onOrBefore); }

    @Override
    public boolean isProvisional(String symbol, LocalDate date) { return current().isProvisional(symbol, date); }
}

package org.leverdesk.broker.paper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.leverdesk.broker.Broker;
import org.leverdesk.broker.BrokerFixture;
import org.leverdesk.broker.Quote;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.chain.UnderlyingSetup;
import org.leverdesk.options.market.DailySeries;
import org.leverdesk.options.market.DividendYield;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;
import org.leverdesk.store.Store;
import org.leverdesk.testing.MutableClock;

/**
 * A paper broker on a fresh store in a temporary folder, with quotes pushed by hand and a clock the
 * fixture moves to the session close and the next open.
 */
final class PaperFixture implements BrokerFixture {
    // Wednesday 2026-03-04, 10:00 New York: inside a regular session.
    static final Instant START = Instant.parse("2026-03-04T15:00:00Z");

    final Path dir;
    final MutableClock clock = new MutableClock(START);
    Store store;
    PaperBroker broker;

    PaperFixture() {
        try {
            dir = Files.createTempDirectory("leverdesk-paper");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = Store.open(dir);
        broker = new PaperBroker(store, null, clock);
    }

    /** Closes the store and opens it again with a new broker, as after a restart of the app. */
    PaperBroker restart() {
        store.close();
        store = Store.open(dir);
        broker = new PaperBroker(store, null, clock);
        return broker;
    }

    @Override
    public Broker broker() {
        return broker;
    }

    @Override
    public void setQuote(String symbol, double bid, double ask) {
        broker.onQuote(new Quote(symbol, bid, ask, (bid + ask) / 2, clock.instant()));
    }

    @Override
    public String optionsUnsupported() {
        return null;
    }

    /** The expiry day's session ends with the underlying at {@code close}: the paper broker settles its expiries then. */
    @Override
    public void expireOptions(java.time.LocalDate day, String underlying, double close) {
        Instant at = day.atTime(15, 59).atZone(org.leverdesk.market.calendar.NyseCalendar.ZONE).toInstant();
        clock.set(at);
        broker.refresh();
        setQuote(underlying, close, close);
        clock.set(at.plus(Duration.ofMinutes(2)));
        broker.refresh();
    }

    @Override
    public void closeMarket() {
        Instant close = broker.clock().nextClose();
        clock.set(close.plus(Duration.ofMinutes(1)));
        broker.refresh();
        // 19:01 New York, as the Alpaca fixture: Alpaca takes OPG orders for the next open from 19:00.
        clock.set(close.atZone(org.leverdesk.market.calendar.NyseCalendar.ZONE).toLocalDate().atTime(19, 1)
                .atZone(org.leverdesk.market.calendar.NyseCalendar.ZONE).toInstant());
        broker.refresh();
    }

    @Override
    public void openSession() {
        clock.set(broker.clock().nextOpen());
        broker.refresh();
    }

    @Override
    public void close() {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Synthetic QQQ chains for 2026-01-02 … 03-31 at a flat VXN of 20, 3-month bills at 4% and a 0.6% dividend
     * yield: the option tests' hand-checked prices come from these.
     */
    static SyntheticChains qqqChainsOfEarly2026() {
        NyseCalendar nyse = new NyseCalendar();
        LocalDate[] days = nyse.tradingDays(LocalDate.of(2026, 1, 2), LocalDate.of(2026, 3, 31)).toArray(LocalDate[]::new);
        double[] vxn = new double[days.length];
        double[] bills = new double[days.length];
        java.util.Arrays.fill(vxn, 20);
        java.util.Arrays.fill(bills, 4.0);
        return new SyntheticChains(nyse, RiskFreeRate.treasuryBills(DailySeries.of("DGS3MO", days, bills, 10), 0.03),
                List.of(UnderlyingSetup.defaults("QQQ", VolatilityIndex.of(DailySeries.of("VXN", days, vxn, 5)),
                        DividendYield.constant(0.006))));
    }
}

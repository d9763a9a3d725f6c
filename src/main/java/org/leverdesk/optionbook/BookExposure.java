package org.leverdesk.optionbook;

import java.time.Clock;
import java.time.LocalDate;
import java.util.function.Supplier;
import org.leverdesk.broker.Account;
import org.leverdesk.broker.Broker;
import org.leverdesk.market.calendar.NyseCalendar;
import org.leverdesk.riskguard.OptionExposure;

/**
 * The account's open option risk and net delta read the way the Options view reads them ({@link OptionBook}): the
 * open spreads and condors grouped, Σ their maximum loss (width × 100 − credit a contract), and the net delta in
 * shares of the legs the chain can price. For the Dashboard's and {@code leverdesk guard}'s gauges.
 */
public final class BookExposure implements Supplier<OptionExposure> {
    private final Broker broker;
    private final OptionBook book;
    private final Clock clock;

    public BookExposure(Broker broker, ChainSource chains, Clock clock) {
        this.broker = broker;
        this.book = new OptionBook(chains);
        this.clock = clock;
    }

    @Override
    public OptionExposure get() {
        Account a = broker.account();
        OptionBook.Snapshot s = book.read(broker.positions(), LocalDate.ofInstant(clock.instant(), NyseCalendar.ZONE));
        return new OptionExposure(s.openRisk(), s.netDelta(), a.equity().doubleValue());
    }
}

package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.broker.BrokerPosition;
import org.leverdesk.optionbook.HeldOption;
import org.leverdesk.optionbook.OptionBook;
import org.leverdesk.optionbook.OptionGroup;
import org.leverdesk.optionbook.SyntheticChainSource;
import org.leverdesk.options.chain.ChainFilter;
import org.leverdesk.options.data.OptionMarketFiles;

/**
 * {@code positions --greeks}: the option positions marked on the synthetic chain of the latest session, with their
 * Greeks, days to expiry, P&amp;L and collateral, and spreads and condors grouped, by the same {@link OptionBook} the
 * Options view reads.
 */
final class OptionPositionsReport {
    private OptionPositionsReport() {
    }

    /** The book of {@code positions}; null when they hold no options. */
    static OptionBook.Snapshot read(AppContext app, Path pricesDir, List<BrokerPosition> positions) {
        if (positions.stream().noneMatch(p -> org.leverdesk.options.contract.OptionSymbols.isOption(p.symbol()))) {
            return null;
        }
        SyntheticChainSource source = SyntheticChainSource.of(app.marketData(), app.calendar(),
                pricesDir != null ? OptionMarketFiles.besidePrices(pricesDir) : null);
        LocalDate asOf = null;
        for (BrokerPosition p : positions) {
            var c = org.leverdesk.options.contract.OptionSymbols.contract(p.symbol());
            if (c.isPresent()) {
                try {
                    asOf = source.chain(c.get().underlying(), new ChainFilter(0, 3650, 1, 0)).chain().asOf();
                    break;
                } catch (RuntimeException e) {
                    // no chain for this underlying: the marks fall back to the broker's prices
                }
            }
        }
        return new OptionBook(source).read(positions, asOf != null ? asOf : LocalDate.now(org.leverdesk.market.calendar.NyseCalendar.ZONE));
    }

    static void print(PrintWriter out, OptionBook.Snapshot book) {
        out.println();
        out.printf(Locale.US, "options on %s: net delta %+.1f shares, cash held as collateral $%,.2f%s%n", book.asOf(), book.netDelta(),
                book.collateral(), book.callShares().isEmpty() ? "" : ", shares reserved for covered calls " + book.callShares());
        out.printf(Locale.US, "%-22s %-21s %5s %8s %8s %11s %9s %9s %7s %4s  %s%n", "contract", "occ", "qty", "avg", "mark", "P&L",
                "delta sh", "theta/d", "iv", "dte", "collateral");
        for (HeldOption h : book.held()) {
            out.printf(Locale.US, "%-22s %-21s %5s %8.2f %8.2f %11s %9s %9s %7s %4d  %s%n", h.readable(), h.contract().occSymbol(),
                    plain(h.leg().contracts()), h.leg().averagePrice(), h.mark(), money(h.profit()),
                    h.quote() == null ? "—" : String.format(Locale.US, "%+.1f", h.deltaShares()),
                    h.quote() == null ? "—" : money(h.positionGreeks().thetaPerDay()),
                    h.quote() == null ? "—" : String.format(Locale.US, "%.2f%%", h.impliedVolatility() * 100), h.daysToExpiry(),
                    h.collateral().isEmpty() ? "—" : h.collateral());
        }
        for (OptionGroup g : book.groups()) {
            out.printf(Locale.US, "%s: max profit %s, max loss %s, break-even %s, P&L %s%s%n", g.title(), money(g.summary().maxProfit()),
                    money(g.summary().maxLoss()), g.summary().breakEvens().stream().map(OptionPositionsReport::money).toList(),
                    money(g.profit()), g.exits() == null ? "" : String.format(Locale.US,
                            "; exits: take at %s, stop at %s, short strikes %s, close by %s", money(g.exits().profitTakeDebit()),
                            money(g.exits().stopDebit()), g.exits().shortStrikes().stream().map(OptionPositionsReport::money).toList(),
                            g.exits().closeBy()));
        }
    }

    /** The JSON object of {@code positions --json --greeks}. */
    static Map<String, Object> json(OptionBook.Snapshot book) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("asOf", book.asOf().toString());
        all.put("netDeltaShares", book.netDelta());
        all.put("collateralCash", book.collateral());
        all.put("callSharesReserved", book.callShares());
        List<Map<String, Object>> legs = new ArrayList<>();
        for (HeldOption h : book.held()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("symbol", h.contract().occSymbol());
            m.put("contract", h.readable());
            m.put("quantity", h.leg().contracts());
            m.put("averagePrice", h.leg().averagePrice());
            m.put("mark", h.mark());
            m.put("profit", h.profit());
            m.put("daysToExpiry", h.daysToExpiry());
            m.put("collateral", h.collateral());
            if (h.quote() != null) {
                m.put("iv", h.impliedVolatility());
                m.put("deltaShares", h.deltaShares());
                m.put("gamma", h.positionGreeks().gamma());
                m.put("thetaPerDay", h.positionGreeks().thetaPerDay());
                m.put("vegaPerPoint", h.positionGreeks().vegaPerVolPoint());
            }
            legs.add(m);
        }
        all.put("legs", legs);
        List<Map<String, Object>> groups = new ArrayList<>();
        for (OptionGroup g : book.groups()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("position", g.title());
            m.put("kind", g.kind());
            m.put("legs", g.legs().stream().map(h -> h.contract().occSymbol()).toList());
            m.put("credit", g.credit());
            m.put("maxProfit", finite(g.summary().maxProfit()));
            m.put("maxLoss", finite(g.summary().maxLoss()));
            m.put("breakEvens", g.summary().breakEvens());
            m.put("profit", g.profit());
            if (g.exits() != null) {
                m.put("profitTakeDebit", g.exits().profitTakeDebit());
                m.put("stopDebit", g.exits().stopDebit());
                m.put("shortStrikeStops", g.exits().shortStrikes());
                m.put("closeBy", g.exits().closeBy().toString());
            }
            groups.add(m);
        }
        all.put("groups", groups);
        return all;
    }

    /** JSON has no infinity: an unbounded amount is null. */
    private static Double finite(double v) {
        return Double.isFinite(v) ? v : null;
    }

    private static String money(double v) {
        return Double.isInfinite(v) ? "unlimited" : String.format(Locale.US, "%s$%,.2f", v < 0 ? "-" : "", Math.abs(v));
    }

    private static String plain(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}

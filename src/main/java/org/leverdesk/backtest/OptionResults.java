package org.leverdesk.backtest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.leverdesk.domain.Decision;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.GateResult;
import org.leverdesk.domain.Side;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionSymbols;

/**
 * What an option strategy's run came to, computed once from its result for the CLI table, {@code --json}, the
 * Backtest view and the PDF report: the {@link OptionSummary} counts, the P&L split into premium and stock, the
 * run's option events (puts and calls sold, assignments, call-aways, expiries, spreads opened and closed), the
 * spreads' exits by kind and the entries its gates refused.
 *
 * <p>The split: <b>premium P&L</b> = Σ over option fills of their cash (sales − purchases, × the multiplier,
 * less commission; settlements at $0 move no cash) + the market value of the option positions still open after
 * the last close; <b>stock P&L</b> = (final equity − starting capital) − premium P&L: the shares bought and sold
 * (at the strikes on assignment, at market otherwise), marked at the last close, with their dividends.
 *
 * @param summary            contracts sold, premium collected/paid, assignments, expiries
 * @param optionCash         the option fills' cash in dollars (the realised part of the premium P&L)
 * @param openOptionValue    the open option positions' value after the last close (0 when none); NaN when some
 *                           are open and their value is unknown (a saved run re-opened)
 * @param premiumPnl         optionCash + openOptionValue
 * @param stockPnl           total P&L − premium P&L
 * @param dividends          dividends received on shares (part of the stock P&L)
 * @param events             the option events in fill order
 * @param exits              spread and condor closes by kind ("stop", "short strike", "profit take",
 *                           "close before expiry", "other"), in that order, only kinds that occurred
 * @param refusals           failed gates of the run's decisions by gate name, most frequent first (RiskGuard limits
 *                           such as "cooldown" and entry filters such as "range-bound"; each counts the days it said no)
 */
public record OptionResults(OptionSummary summary, double optionCash, double openOptionValue, double premiumPnl,
                            double stockPnl, double dividends, List<Event> events, Map<String, Integer> exits,
                            Map<String, Integer> refusals) {

    /** The kinds of option event a run shows on its chart and in its report. */
    public enum Kind {
        PUT_SOLD("put sold"), CALL_SOLD("call sold"), PUT_ASSIGNED("put assigned"), CALLED_AWAY("called away"),
        EXPIRED("expired worthless"), SPREAD_OPENED("spread opened"), SPREAD_CLOSED("spread closed"),
        BOUGHT_BACK("bought back"), BOUGHT("option bought"), SOLD("long option sold"), EXERCISED("exercised"),
        SETTLED("settled in cash");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        /** Words for legends and tables. */
        public String label() {
            return label;
        }
    }

    /**
     * One option event: one order (all legs of a multi-leg order, or one contract) or one settlement.
     *
     * @param legs   the fills it consists of (OCC symbols)
     * @param exit   for a spread closed by the strategy, its exit kind ("stop", …); null otherwise
     */
    public record Event(LocalDate date, Kind kind, List<Fill> legs, String exit) {
        public Event {
            legs = List.copyOf(legs);
        }

        /** Net cash of the legs in dollars (positive = credit). */
        public double cash() {
            double c = 0;
            for (Fill f : legs) {
                c += OptionResults.cash(f);
            }
            return c;
        }

        /** The legs' OCC symbols, comma-separated. */
        public String symbols() {
            return String.join(", ", legs.stream().map(Fill::symbol).toList());
        }
    }

    static final String[] EXIT_KINDS = {"stop", "short strike", "profit take", "close before expiry", "other"};

    /** True when the run traded options. */
    public boolean any() {
        return summary.any() || !events.isEmpty();
    }

    /** The option results of {@code r}; {@link #any()} is false when it traded none. */
    public static OptionResults of(BacktestResult r) {
        OptionSummary summary = OptionSummary.of(r.fills());
        Map<String, Long> held = new HashMap<>();
        List<Event> events = new ArrayList<>();
        double optionCash = 0;
        List<Fill> group = new ArrayList<>();
        for (Fill f : r.fills()) {
            OptionContract c = OptionSymbols.contract(f.symbol()).orElse(null);
            if (c == null) {
                continue;
            }
            optionCash += cash(f);
            if (settlement(f, c)) {
                flush(group, held, events);
                events.add(new Event(f.date(), settlementKind(f, c), List.of(f), null));
                held.merge(f.symbol(), signed(f), Long::sum);
                continue;
            }
            if (!group.isEmpty() && !sameOrder(group.get(0), f)) {
                flush(group, held, events);
            }
            group.add(f);
        }
        flush(group, held, events);
        boolean open = held.values().stream().anyMatch(q -> q != 0);
        double openValue = r.closingOptionValues() != null
                ? r.closingOptionValues().values().stream().mapToDouble(Double::doubleValue).sum()
                : open ? Double.NaN : 0;
        double premium = optionCash + openValue;
        double total = r.equity().isEmpty() ? 0 : r.equity().get(r.equity().size() - 1).equity() - r.config().capital();
        Map<String, Integer> exits = new LinkedHashMap<>();
        for (String k : EXIT_KINDS) {
            int n = (int) events.stream().filter(e -> k.equals(e.exit())).count();
            if (n > 0) {
                exits.put(k, n);
            }
        }
        return new OptionResults(summary, optionCash, openValue, premium, total - premium, r.dividendTotal(),
                List.copyOf(events), exits, refusals(r.decisions()));
    }

    /** Failed gates by name over {@code decisions}, most frequent first (ties by name). */
    static Map<String, Integer> refusals(List<Decision> decisions) {
        Map<String, Integer> tally = new HashMap<>();
        for (Decision d : decisions) {
            for (GateResult g : d.explanation().gates()) {
                if (!g.passed()) {
                    tally.merge(g.name(), 1, Integer::sum);
                }
            }
        }
        Map<String, Integer> sorted = new LinkedHashMap<>();
        tally.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> sorted.put(e.getKey(), e.getValue()));
        return sorted;
    }

    /** The fill's cash in dollars: sales credit quantity × price × multiplier, purchases debit it; less commission. */
    public static double cash(Fill f) {
        return -f.side().sign() * f.quantity() * f.price() * OptionSymbols.multiplier(f.symbol()) - f.commission();
    }

    private static long signed(Fill f) {
        return f.side() == Side.BUY ? f.quantity() : -f.quantity();
    }

    /** A settlement fill's reason starts with the contract it settles (see SimOptionEvent#describe). */
    private static boolean settlement(Fill f, OptionContract c) {
        String why = f.reason() == null ? "" : f.reason();
        return why.startsWith(c.occSymbol().strip().replaceAll("\\s+", " ") + " ");
    }

    private static Kind settlementKind(Fill f, OptionContract c) {
        String why = f.reason();
        if (why.contains("expired worthless")) {
            return Kind.EXPIRED;
        }
        if (why.contains("assigned")) {
            return c.isPut() ? Kind.PUT_ASSIGNED : Kind.CALLED_AWAY;
        }
        return why.contains("exercised") ? Kind.EXERCISED : Kind.SETTLED;
    }

    /** Legs of one order: same day, same underlying and expiry, same decision (reason). */
    private static boolean sameOrder(Fill a, Fill b) {
        OptionContract ca = OptionSymbols.contract(a.symbol()).orElseThrow();
        OptionContract cb = OptionSymbols.contract(b.symbol()).orElseThrow();
        return a.date().equals(b.date()) && ca.underlying().equals(cb.underlying()) && ca.expiry().equals(cb.expiry())
                && Objects.equals(a.reason(), b.reason()) && !a.symbol().equals(b.symbol());
    }

    private static void flush(List<Fill> group, Map<String, Long> held, List<Event> events) {
        // One decision may close a position and open the next in the same expiry: its closing legs and its opening
        // legs are two orders (two events), the closes first.
        List<Fill> closes = new ArrayList<>();
        List<Fill> opens = new ArrayList<>();
        for (Fill f : group) {
            long before = held.getOrDefault(f.symbol(), 0L);
            (Math.abs(before + signed(f)) > Math.abs(before) ? opens : closes).add(f);
        }
        if (!closes.isEmpty() && !opens.isEmpty()) {
            flushOne(closes, held, events);
            flushOne(opens, held, events);
            group.clear();
        } else {
            flushOne(group, held, events);
        }
    }

    private static void flushOne(List<Fill> group, Map<String, Long> held, List<Event> events) {
        if (group.isEmpty()) {
            return;
        }
        boolean opening = true;
        for (Fill f : group) {
            long before = held.getOrDefault(f.symbol(), 0L);
            long after = before + signed(f);
            opening &= Math.abs(after) > Math.abs(before);
            held.put(f.symbol(), after);
        }
        Fill first = group.get(0);
        OptionContract c = OptionSymbols.contract(first.symbol()).orElseThrow();
        Kind kind;
        String exit = null;
        if (group.size() > 1) {
            kind = opening ? Kind.SPREAD_OPENED : Kind.SPREAD_CLOSED;
            if (!opening) {
                exit = exitKind(first.reason(), c.expiry());
            }
        } else if (first.side() == Side.SELL) {
            kind = opening ? (c.isPut() ? Kind.PUT_SOLD : Kind.CALL_SOLD) : Kind.SOLD;
        } else {
            kind = opening ? Kind.BOUGHT : Kind.BOUGHT_BACK;
        }
        if (kind == Kind.BOUGHT_BACK) {
            exit = exitKind(first.reason(), c.expiry());
        }
        events.add(new Event(first.date(), kind, group, exit));
        group.clear();
    }

    /**
     * The exit a spread strategy gave for closing the position of {@code expiry}: its decision says "close the
     * 2012-01-27 position (…): profit take: …"; null when the reason names no such close.
     */
    static String exitKind(String reason, LocalDate expiry) {
        if (reason == null) {
            return null;
        }
        int at = reason.indexOf("close the " + expiry + " position (");
        if (at < 0) {
            return null;
        }
        int colon = reason.indexOf("): ", at);
        if (colon < 0) {
            return "other";
        }
        String why = reason.substring(colon + 3);
        if (why.startsWith("stop:")) {
            return why.contains("beyond the short strike") ? "short strike" : "stop";
        }
        if (why.startsWith("profit take")) {
            return "profit take";
        }
        return why.startsWith("closed before expiry day") ? "close before expiry" : "other";
    }

    /** Counts of the events of {@code kind}. */
    public int count(Kind kind) {
        return (int) events.stream().filter(e -> e.kind() == kind).count();
    }

    /** The one-line split as the CLI prints it and the window shows it. */
    public String splitLine() {
        return String.format(Locale.ROOT, "premium P&L %s (option trades %s%s), stock P&L %s (incl. dividends %s)",
                money(premiumPnl), money(optionCash), Double.isNaN(openOptionValue) ? " + open options not marked"
                        : openOptionValue == 0 ? "" : " + open options marked " + money(openOptionValue),
                money(stockPnl), money(dividends));
    }

    /** "stop 3, profit take 12" (empty when no spread was closed by an exit). */
    public String exitsLine() {
        return joined(exits);
    }

    /** "cooldown 403, drawdown throttle 674 …" limited to the {@code max} most frequent. */
    public String refusalsLine(int max) {
        Map<String, Integer> top = new LinkedHashMap<>();
        refusals.entrySet().stream().limit(max).forEach(e -> top.put(e.getKey(), e.getValue()));
        String s = joined(top);
        return refusals.size() > max ? s + String.format(Locale.ROOT, ", %d more gate(s)", refusals.size() - max) : s;
    }

    private static String joined(Map<String, Integer> m) {
        StringBuilder sb = new StringBuilder();
        m.forEach((k, v) -> sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(String.format(Locale.ROOT, "%,d", v)));
        return sb.toString();
    }

    /** Dollars as the reports print them: $1,234.50, −$12.00; "-" for NaN. */
    public static String money(double v) {
        if (Double.isNaN(v)) {
            return "-";
        }
        return (v < 0 ? "-" : "") + String.format(Locale.ROOT, "$%,.2f", Math.abs(v));
    }
}

package org.leverdesk.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.leverdesk.backtest.OptionResults;
import org.leverdesk.backtest.OptionSummary;
import org.leverdesk.domain.Fill;
import org.leverdesk.domain.Side;
import org.leverdesk.report.PdfPage.Align;

/**
 * The report's options page for a run that traded options: premium collected, assignments and expiries, the P&L
 * split into premium and stock (the formula printed under it), for spreads and condors the exits by kind and the
 * days each gate refused an entry, and the option trades with their OCC symbols (as many as fit, then "… N more").
 * The numbers are {@link OptionResults}', the same the CLI prints and the Backtest view shows.
 */
final class OptionsPage {
    static final String HEADING = "Options: premium, assignments, P&L split";
    /** Exit kinds always listed for spreads, in this order (zero when none occurred). */
    private static final String[] EXITS = {"stop", "profit take", "short strike", "close before expiry"};
    private static final float LINE = 11.5f;

    private OptionsPage() {
    }

    static void draw(PdfPage p, OptionResults o) {
        float x = PdfPage.MARGIN;
        float y = 74;
        OptionSummary s = o.summary();
        List<String[]> rows = new ArrayList<>();
        rows.add(new String[] {"contracts sold", ReportFormats.whole(s.optionsSold())});
        rows.add(new String[] {"premium collected", ReportFormats.money(s.premiumCollected())});
        rows.add(new String[] {"premium paid (bought back, bought)", ReportFormats.money(s.premiumPaid())});
        rows.add(new String[] {"puts assigned", Integer.toString(s.putAssignments())});
        rows.add(new String[] {"calls assigned (called away)", Integer.toString(s.callAssignments())});
        rows.add(new String[] {"expired worthless", Integer.toString(s.expiredWorthless())});
        rows.add(new String[] {"premium P&L", OptionResults.money(o.premiumPnl())});
        rows.add(new String[] {"  option trades (realised)", OptionResults.money(o.optionCash())});
        rows.add(new String[] {"  open options, marked at the last close", Double.isNaN(o.openOptionValue())
                ? "not marked (saved run)" : OptionResults.money(o.openOptionValue())});
        rows.add(new String[] {"stock P&L", OptionResults.money(o.stockPnl())});
        rows.add(new String[] {"  of it dividends", OptionResults.money(o.dividends())});
        y = table(p, "Premium and assignments", rows, x, y, 300);
        p.text(PdfPage.REGULAR, 7.5f, PdfPage.MUTED, x, y + 4, Align.LEFT, 300,
                "Premium P&L = the option fills' cash (sales - purchases) x 100 - commission");
        p.text(PdfPage.REGULAR, 7.5f, PdfPage.MUTED, x, y + 4 + 9, Align.LEFT, 300,
                "+ the open options' value at the last close; stock P&L = (final equity -");
        p.text(PdfPage.REGULAR, 7.5f, PdfPage.MUTED, x, y + 4 + 18, Align.LEFT, 300,
                "capital) - premium P&L: shares at the strikes and market, dividends.");
        y += 44;
        int opened = o.count(OptionResults.Kind.SPREAD_OPENED);
        if (opened > 0 || !o.exits().isEmpty() || !o.refusals().isEmpty()) {
            List<String[]> exits = new ArrayList<>();
            exits.add(new String[] {"spreads opened", Integer.toString(opened)});
            for (String k : EXITS) {
                exits.add(new String[] {"closed: " + k, Integer.toString(o.exits().getOrDefault(k, 0))});
            }
            if (o.exits().containsKey("other")) {
                exits.add(new String[] {"closed: other", Integer.toString(o.exits().get("other"))});
            }
            y = table(p, "Spread exits by kind", exits, x, y, 300);
            List<String[]> refused = new ArrayList<>();
            int shown = 0;
            for (Map.Entry<String, Integer> e : o.refusals().entrySet()) {
                if (shown++ == 8) {
                    refused.add(new String[] {"... " + (o.refusals().size() - 8) + " more gate(s)", ""});
                    break;
                }
                refused.add(new String[] {e.getKey(), String.format(Locale.ROOT, "%,d days", e.getValue())});
            }
            if (refused.isEmpty()) {
                refused.add(new String[] {"no entry refused", ""});
            }
            table(p, "Entries refused, by gate (RiskGuard and filters)", refused, x, y + 6, 300);
        }
        trades(p, o, x + 330, 74, PdfPage.WIDTH - PdfPage.MARGIN - x - 330);
    }

    private static float table(PdfPage p, String title, List<String[]> rows, float x, float y, float width) {
        p.text(PdfPage.BOLD, 10, PdfPage.TEXT, x, y, Align.LEFT, width, title);
        y += 14;
        for (String[] r : rows) {
            p.text(PdfPage.REGULAR, 8.5f, PdfPage.MUTED, x, y, Align.LEFT, width - 110, r[0]);
            p.text(PdfPage.REGULAR, 8.5f, PdfPage.TEXT, x + width, y, Align.RIGHT, 108, r[1]);
            y += LINE;
        }
        return y;
    }

    /** The option fills, one line each, as many as fit above the footer, then "… N more". */
    private static void trades(PdfPage p, OptionResults o, float x, float y, float width) {
        p.text(PdfPage.BOLD, 10, PdfPage.TEXT, x, y, Align.LEFT, width, "Option trades");
        y += 14;
        String[] head = {"Date", "Event", "Side", "OCC symbol", "Qty", "Price", "Cash"};
        float[] at = {x, x + 56, x + 134, x + 160, x + 292, x + 334, x + width};
        Align[] align = {Align.LEFT, Align.LEFT, Align.LEFT, Align.LEFT, Align.RIGHT, Align.RIGHT, Align.RIGHT};
        float[] max = {54, 76, 26, 130, 30, 40, width - 340};
        for (int k = 0; k < head.length; k++) {
            p.text(PdfPage.BOLD, 8, PdfPage.TEXT, at[k], y, align[k], max[k], head[k]);
        }
        p.line(PdfPage.RULE, 0.5f, x, y + 3, x + width, y + 3);
        y += 12;
        int total = 0;
        for (OptionResults.Event e : o.events()) {
            total += e.legs().size();
        }
        int room = (int) ((PdfPage.HEIGHT - 60 - y) / 10) - 1;
        int shown = 0;
        outer:
        for (OptionResults.Event e : o.events()) {
            for (Fill f : e.legs()) {
                if (shown == room && total > room) {
                    break outer;
                }
                String[] cells = {f.date().toString(), e.kind().label(), f.side() == Side.BUY ? "Buy" : "Sell", f.symbol(),
                        ReportFormats.whole(f.quantity()), ReportFormats.price(f.price()),
                        OptionResults.money(OptionResults.cash(f))};
                for (int k = 0; k < cells.length; k++) {
                    p.text(PdfPage.REGULAR, 8, PdfPage.TEXT, at[k], y, align[k], max[k], cells[k]);
                }
                y += 10;
                shown++;
            }
        }
        if (shown < total) {
            p.text(PdfPage.REGULAR, 8, PdfPage.MUTED, x, y + 2, Align.LEFT, width, String.format(Locale.ROOT,
                    "... %,d more option trades (every fill is on the Trades pages and in backtest --json)", total - shown));
        }
    }
}

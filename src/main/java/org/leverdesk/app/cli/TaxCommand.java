package org.leverdesk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.app.context.AppContext;
import org.leverdesk.broker.sim.SimFill;
import org.leverdesk.report.AtomicFiles;
import org.leverdesk.domain.Side;
import org.leverdesk.tax.Disposition;
import org.leverdesk.tax.Form8949Csv;
import org.leverdesk.tax.LotMethod;
import org.leverdesk.tax.TaxAction;
import org.leverdesk.tax.TaxFill;
import org.leverdesk.tax.TaxFillsCsv;
import org.leverdesk.tax.TaxLots;
import org.leverdesk.tax.TaxReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code leverdesk tax}: tax lots and realised gains of a year, short and long term apart, and a Form 8949-style CSV. */
@Command(name = "tax", mixinStandardHelpOptions = true,
        description = "Realised gains of a year from tax lots (FIFO, or highest cost first as specific identification),"
                + " wash sales flagged (code W), option premiums and assignments in the shares' basis; the paper account's"
                + " fills by default, or --fills FILE (date,symbol,action,quantity,price,fees).")
public final class TaxCommand implements Callable<Integer>, ForwardedCommand {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");

    @Spec
    CommandSpec spec;

    @Mixin
    StoreOptions store;

    @Option(names = "--year", required = true, paramLabel = "YYYY", description = "Tax year (sales realised in it).")
    int year;

    @Option(names = "--fills", paramLabel = "FILE", description = "Fills CSV instead of the paper account's fills.")
    Path fills;

    @Option(names = "--method", defaultValue = "fifo", paramLabel = "fifo|hifo",
            description = "Which lots a sale closes: fifo (default) or hifo (specific identification, highest cost first).")
    String method;

    @Option(names = "--csv", paramLabel = "FILE", description = "Also write the Form 8949-style CSV to FILE.")
    Path csv;

    @Override
    public Integer call() {
        LotMethod lots = switch (method.trim().toLowerCase(Locale.ROOT)) {
            case "fifo" -> LotMethod.FIFO;
            case "hifo" -> LotMethod.HIFO;
            default -> throw new IllegalArgumentException("--method must be fifo or hifo (got '" + method + "')");
        };
        List<TaxFill> all = fills != null ? fromFile(fills) : fromPaperAccount();
        TaxReport report = TaxLots.report(all, lots, year);
        PrintWriter out = spec.commandLine().getOut();
        out.println("tax year " + year + " (" + lots.name().toLowerCase(Locale.ROOT) + ", " + all.size() + " fills from "
                + (fills != null ? fills : "the paper account") + ")");
        print(out, "short term (Part I)", report.shortTerm());
        print(out, "long term (Part II)", report.longTerm());
        out.println("short-term gain " + report.shortTermGain().toPlainString() + ", long-term gain " + report.longTermGain().toPlainString()
                + ", wash-sale adjustments " + report.washAdjustments().toPlainString());
        if (csv != null) {
            write(csv, Form8949Csv.of(report));
            out.println("wrote " + csv);
        }
        out.flush();
        return 0;
    }

    private static void print(PrintWriter out, String title, List<Disposition> lines) {
        out.println(title + ": " + lines.size() + " line(s)");
        for (Disposition d : lines) {
            out.println("  " + d.description() + " | acquired " + d.acquired() + " | sold " + d.sold() + " | proceeds "
                    + d.proceeds().toPlainString() + " | basis " + d.basis().toPlainString()
                    + (d.code().isEmpty() ? "" : " | " + d.code() + " " + d.adjustment().toPlainString()) + " | gain "
                    + d.gain().toPlainString() + (d.note().isEmpty() ? "" : " (" + d.note() + ")"));
        }
    }

    private static List<TaxFill> fromFile(Path file) {
        try {
            return TaxFillsCsv.parse(file.toString(), Files.readAllLines(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    private List<TaxFill> fromPaperAccount() {
        // The paper account's fills (inside the daemon or the window when one owns the store).
        try (StoreLease lease = StoreLease.open(store.dataDir, store.create, null, 0, true)) {
            AppContext app = lease.app();
            List<TaxFill> out = new ArrayList<>();
            // Splits first: the lots sort by date (stably), so a split comes before its ex-date's fills (its cash in lieu).
            for (org.leverdesk.broker.sim.SimSplit s : app.paperSplits()) {
                if (s.quantityBefore().signum() > 0) {
                    out.add(new TaxFill(s.exDate(), s.symbol(), TaxAction.SPLIT, org.leverdesk.market.data.Split.parse(s.symbol(),
                            s.exDate(), s.ratio(), "paper").ratio(), null, null));
                }
            }
            for (SimFill f : app.paperFills()) {
                out.add(new TaxFill(f.at().atZone(NEW_YORK).toLocalDate(), f.symbol(), f.side() == Side.BUY ? TaxAction.BUY : TaxAction.SELL,
                        f.quantity(), f.price(), f.commission()));
            }
            return out;
        }
    }

    /** Creates the folder, then writes all or nothing ({@link AtomicFiles}), so a crash never leaves half a CSV. */
    private static void write(Path file, String text) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the folder of " + file + ": " + e.getMessage(), e);
        }
        AtomicFiles.write(file, out -> out.write(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
    }

    @Override
    public Path dataDir() {
        return store.folder();
    }
}

package org.leverdesk.tax;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.leverdesk.options.contract.OptionContract;
import org.leverdesk.options.contract.OptionRight;

/**
 * Tax lots and realised gains of one account's fills, in the order they happened (IRS Publication 550):
 * <ul>
 *   <li>every buy opens a lot (cost = shares × price + fees); every sale closes lots by the
 *       {@link LotMethod} (proceeds = shares × price − fees, shared among the lots by shares);</li>
 *   <li>long term when sold more than one year after the holding period began (the day after the
 *       anniversary or later), else short term;</li>
 *   <li>wash sale: a sale at a loss with shares of the same symbol bought within 30 days before or after
 *       (shares that were not part of the sale, each used once) has the loss disallowed for that many
 *       shares (code W, adjustment = the disallowed loss); it is added to the replacement shares' basis,
 *       and their holding period includes the sold shares';</li>
 *   <li>options (100 shares a contract): a held option sold or expired is a gain or loss by its own
 *       holding period; a written option bought back or expired is always short term (premium received −
 *       cost to close); an assigned written put lowers the basis of the shares bought by its premium, an
 *       assigned written call adds its premium to the shares' proceeds; an exercised call adds its cost to
 *       the shares' basis, an exercised put subtracts it from their proceeds.</li>
 * </ul>
 * Wash sales are matched on the identical symbol only (options on it are not treated as substantially
 * identical shares).
 */
public final class TaxLots {
    private static final int WASH_DAYS = 30;

    private final LotMethod method;
    private final Map<String, List<Lot>> open = new HashMap<>();
    private final List<Disposition> lines = new ArrayList<>();
    private final List<PendingWash> pending = new ArrayList<>();

    /** A loss sale's shares still waiting for replacement purchases within 30 days after it. */
    private static final class PendingWash {
        final int line;
        final String symbol;
        final LocalDate sold;
        final LocalDate soldHoldingFrom;
        final BigDecimal lossPerShare;
        BigDecimal shares;

        PendingWash(int line, String symbol, LocalDate sold, LocalDate soldHoldingFrom, BigDecimal lossPerShare, BigDecimal shares) {
            this.line = line;
            this.symbol = symbol;
            this.sold = sold;
            this.soldHoldingFrom = soldHoldingFrom;
            this.lossPerShare = lossPerShare;
            this.shares = shares;
        }
    }

    private TaxLots(LotMethod method) {
        this.method = method;
    }

    /**
     * Every disposition of {@code fills} (all years; in fill order, same-day fills in the given order).
     *
     * @throws IllegalArgumentException naming the fill when a sale closes more than the open lots hold
     */
    public static List<Disposition> dispositions(List<TaxFill> fills, LotMethod method) {
        TaxLots book = new TaxLots(method);
        List<TaxFill> ordered = new ArrayList<>(fills);
        ordered.sort(Comparator.comparing(TaxFill::date));
        for (TaxFill f : ordered) {
            book.apply(f);
        }
        return List.copyOf(book.lines);
    }

    /** The report of {@code year}: the dispositions realised in it, short and long term apart. */
    public static TaxReport report(List<TaxFill> fills, LotMethod method, int year) {
        List<Disposition> in = dispositions(fills, method).stream().filter(d -> d.realized().getYear() == year).toList();
        return new TaxReport(year, method, in.stream().filter(d -> !d.longTerm()).toList(), in.stream().filter(Disposition::longTerm).toList());
    }

    private void apply(TaxFill f) {
        if (f.action() == TaxAction.SPLIT) {
            // Same basis, same holding period, more (or fewer) shares; a loss sale's shares waiting for replacements too.
            for (Lot lot : open.getOrDefault(f.symbol(), List.of())) {
                lot.quantity = lot.quantity.multiply(f.quantity()).setScale(6, RoundingMode.HALF_EVEN).stripTrailingZeros();
            }
            for (PendingWash w : pending) {
                if (w.symbol.equals(f.symbol())) {
                    w.shares = w.shares.multiply(f.quantity()).setScale(6, RoundingMode.FLOOR).stripTrailingZeros();
                }
            }
            return;
        }
        OptionContract c = f.contract();
        if (c == null) {
            BigDecimal gross = f.quantity().multiply(f.price());
            if (f.action() == TaxAction.BUY) {
                buyShares(f.date(), f.symbol(), f.quantity(), gross.add(f.fees()), "");
            } else {
                sellShares(f.date(), f.symbol(), f.quantity(), gross.subtract(f.fees()), "");
            }
            return;
        }
        BigDecimal multiplier = BigDecimal.valueOf(c.multiplier());
        BigDecimal premium = f.quantity().multiply(f.price()).multiply(multiplier);
        switch (f.action()) {
            case BUY -> {
                if (hasWritten(f.symbol())) {
                    closeWritten(f, premium.add(f.fees()), false, "bought to close");
                } else {
                    addLot(new Lot(f.symbol(), f.date(), f.date(), f.quantity(), premium.add(f.fees()), false));
                }
            }
            case SELL -> {
                if (hasHeld(f.symbol())) {
                    closeHeld(f, premium.subtract(f.fees()), false);
                } else {
                    addLot(new Lot(f.symbol(), f.date(), f.date(), f.quantity(), premium.subtract(f.fees()), true));
                }
            }
            case EXPIRED -> {
                if (hasWritten(f.symbol())) {
                    closeWritten(f, BigDecimal.ZERO, true, "expired");
                } else {
                    closeHeld(f, BigDecimal.ZERO, true);
                }
            }
            case ASSIGNED -> assigned(f, c, multiplier);
            case EXERCISED -> exercised(f, c, multiplier);
        }
    }

    private void assigned(TaxFill f, OptionContract c, BigDecimal multiplier) {
        BigDecimal received = removeLots(f, true).stream().map(l -> l.basis).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shares = f.quantity().multiply(multiplier);
        BigDecimal atStrike = shares.multiply(c.strike());
        String why = "assigned " + f.symbol() + " (premium " + money(received) + ")";
        if (c.right() == OptionRight.PUT) {
            buyShares(f.date(), c.underlying(), shares, atStrike.subtract(received).add(f.fees()), why);
        } else {
            sellShares(f.date(), c.underlying(), shares, atStrike.add(received).subtract(f.fees()), why);
        }
    }

    private void exercised(TaxFill f, OptionContract c, BigDecimal multiplier) {
        BigDecimal paid = removeLots(f, false).stream().map(l -> l.basis).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal shares = f.quantity().multiply(multiplier);
        BigDecimal atStrike = shares.multiply(c.strike());
        String why = "exercised " + f.symbol() + " (cost " + money(paid) + ")";
        if (c.right() == OptionRight.CALL) {
            buyShares(f.date(), c.underlying(), shares, atStrike.add(paid).add(f.fees()), why);
        } else {
            sellShares(f.date(), c.underlying(), shares, atStrike.subtract(paid).subtract(f.fees()), why);
        }
    }

    // ---- shares ----

    private void buyShares(LocalDate day, String symbol, BigDecimal shares, BigDecimal cost, String note) {
        Lot lot = new Lot(symbol, day, day, shares, cost, false);
        addLot(lot);
        // Replacement shares for loss sales of the last 30 days.
        for (PendingWash w : pending) {
            if (!w.symbol.equals(symbol) || w.shares.signum() == 0 || ChronoUnit.DAYS.between(w.sold, day) > WASH_DAYS) {
                continue;
            }
            Lot free = unusedPart(lot);
            if (free == null) {
                break;
            }
            BigDecimal n = w.shares.min(free.quantity);
            wash(w.line, w.sold, w.soldHoldingFrom, w.lossPerShare, n, split(free, n));
            w.shares = w.shares.subtract(n);
        }
        pending.removeIf(w -> w.shares.signum() == 0);
    }

    private void sellShares(LocalDate day, String symbol, BigDecimal shares, BigDecimal proceeds, String note) {
        List<Lot> sold = take(symbol, shares, day, false);
        BigDecimal left = proceeds;
        BigDecimal total = shares;
        for (int i = 0; i < sold.size(); i++) {
            Lot lot = sold.get(i);
            BigDecimal p = i == sold.size() - 1 ? left : proceeds.multiply(lot.quantity).divide(total, 2, RoundingMode.HALF_EVEN);
            left = left.subtract(p);
            boolean longTerm = day.isAfter(lot.holdingFrom.plusYears(1));
            Disposition d = new Disposition(symbol, plain(lot.quantity) + " sh " + symbol, lot.acquired, day, day, money(p),
                    money(lot.basis), "", BigDecimal.ZERO.setScale(2), longTerm, false, false, note);
            lines.add(d);
            if (d.gain().signum() < 0) {
                lossSale(lines.size() - 1, lot, day);
            }
        }
    }

    /** A loss sale of {@code lot}: replacement shares bought in the 30 days before, then those bought in the 30 after. */
    private void lossSale(int line, Lot lot, LocalDate day) {
        Disposition d = lines.get(line);
        BigDecimal lossPerShare = d.gain().negate().divide(lot.quantity, 10, RoundingMode.HALF_EVEN);
        BigDecimal left = lot.quantity;
        List<Lot> candidates = new ArrayList<>(open.getOrDefault(lot.symbol, List.of()));
        candidates.sort(Comparator.comparing(l -> l.acquired));
        for (Lot c : candidates) {
            if (left.signum() == 0) {
                break;
            }
            if (c.replacement || c.written || ChronoUnit.DAYS.between(c.acquired, day) > WASH_DAYS || c.acquired.isAfter(day)) {
                continue;
            }
            BigDecimal n = left.min(c.quantity);
            wash(line, day, lot.holdingFrom, lossPerShare, n, split(c, n));
            left = left.subtract(n);
        }
        if (left.signum() > 0) {
            pending.add(new PendingWash(line, lot.symbol, day, lot.holdingFrom, lossPerShare, left));
        }
    }

    /** Disallows {@code n} shares' loss of line {@code line} and moves it into {@code replacement} (n shares). */
    private void wash(int line, LocalDate sold, LocalDate soldHoldingFrom, BigDecimal lossPerShare, BigDecimal n, Lot replacement) {
        BigDecimal disallowed = money(lossPerShare.multiply(n));
        Disposition d = lines.get(line);
        // Never disallow more than the line's loss (rounding of the per-share loss).
        disallowed = disallowed.min(d.gain().negate());
        lines.set(line, d.withWash(disallowed, "wash sale: " + plain(n) + " sh replaced on " + replacement.acquired));
        replacement.basis = replacement.basis.add(disallowed);
        replacement.replacement = true;
        long held = ChronoUnit.DAYS.between(soldHoldingFrom, sold);
        LocalDate from = replacement.acquired.minusDays(held);
        if (from.isBefore(replacement.holdingFrom)) {
            replacement.holdingFrom = from;
        }
    }

    /** The part of {@code lot} not yet used as replacement shares (the lot itself when unused), or null. */
    private static Lot unusedPart(Lot lot) {
        return lot.replacement || lot.quantity.signum() == 0 ? null : lot;
    }

    /** Splits {@code n} off {@code lot} into its own open lot (placed beside it) and returns that lot. */
    private Lot split(Lot lot, BigDecimal n) {
        if (n.compareTo(lot.quantity) >= 0) {
            return lot;
        }
        Lot piece = lot.take(n);
        List<Lot> lots = open.get(lot.symbol);
        lots.add(lots.indexOf(lot), piece);
        return piece;
    }

    // ---- options ----

    private boolean hasWritten(String symbol) {
        return open.getOrDefault(symbol, List.of()).stream().anyMatch(l -> l.written);
    }

    private boolean hasHeld(String symbol) {
        return open.getOrDefault(symbol, List.of()).stream().anyMatch(l -> !l.written);
    }

    private void closeHeld(TaxFill f, BigDecimal proceeds, boolean expired) {
        List<Lot> closed = take(f.symbol(), f.quantity(), f.date(), false);
        BigDecimal left = proceeds;
        for (int i = 0; i < closed.size(); i++) {
            Lot lot = closed.get(i);
            BigDecimal p = i == closed.size() - 1 ? left : proceeds.multiply(lot.quantity).divide(f.quantity(), 2, RoundingMode.HALF_EVEN);
            left = left.subtract(p);
            lines.add(new Disposition(f.symbol(), plain(lot.quantity) + " " + describe(f), lot.acquired, f.date(), f.date(), money(p),
                    money(lot.basis), "", BigDecimal.ZERO.setScale(2), f.date().isAfter(lot.holdingFrom.plusYears(1)), false, expired,
                    expired ? "expired" : ""));
        }
    }

    /** A written option closed: the premium received is the proceeds, the cost to close the basis; short term. */
    private void closeWritten(TaxFill f, BigDecimal cost, boolean expired, String how) {
        List<Lot> closed = take(f.symbol(), f.quantity(), f.date(), true);
        BigDecimal left = cost;
        for (int i = 0; i < closed.size(); i++) {
            Lot lot = closed.get(i);
            BigDecimal b = i == closed.size() - 1 ? left : cost.multiply(lot.quantity).divide(f.quantity(), 2, RoundingMode.HALF_EVEN);
            left = left.subtract(b);
            // Form 8949: a written option's column (b) is the day it was closed, (c) the day it was written.
            lines.add(new Disposition(f.symbol(), plain(lot.quantity) + " " + describe(f) + " (written)", f.date(), lot.acquired, f.date(),
                    money(lot.basis), money(b), "", BigDecimal.ZERO.setScale(2), false, true, expired, how));
        }
    }

    private static String describe(TaxFill f) {
        OptionContract c = f.contract();
        return c.underlying() + " " + c.expiry() + " " + c.strike().stripTrailingZeros().toPlainString() + " "
                + (c.right() == OptionRight.CALL ? "call" : "put");
    }

    private List<Lot> removeLots(TaxFill f, boolean written) {
        return take(f.symbol(), f.quantity(), f.date(), written);
    }

    // ---- lots ----

    private void addLot(Lot lot) {
        open.computeIfAbsent(lot.symbol, s -> new ArrayList<>()).add(lot);
    }

    /** Removes {@code quantity} from the symbol's open lots of that kind, by the method; the removed pieces. */
    private List<Lot> take(String symbol, BigDecimal quantity, LocalDate day, boolean written) {
        List<Lot> lots = open.getOrDefault(symbol, new ArrayList<>());
        List<Lot> candidates = new ArrayList<>(lots.stream().filter(l -> l.written == written).toList());
        BigDecimal have = candidates.stream().map(l -> l.quantity).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (have.compareTo(quantity) < 0) {
            throw new IllegalArgumentException(day + " " + symbol + ": closes " + plain(quantity) + " but the open "
                    + (written ? "written " : "") + "lots hold " + plain(have) + "; a fill is missing from the list (short sales are not supported)");
        }
        Comparator<Lot> order = Comparator.comparing((Lot l) -> l.acquired);
        if (method == LotMethod.HIFO && !written) {
            order = Comparator.comparing(Lot::perUnit).reversed().thenComparing(l -> l.acquired);
        }
        candidates.sort(order);
        List<Lot> out = new ArrayList<>();
        BigDecimal left = quantity;
        for (Lot l : candidates) {
            if (left.signum() == 0) {
                break;
            }
            BigDecimal n = left.min(l.quantity);
            out.add(l.take(n));
            left = left.subtract(n);
            if (l.quantity.signum() == 0) {
                lots.remove(l);
            }
        }
        return out;
    }

    private static BigDecimal money(BigDecimal v) {
        return v.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }
}

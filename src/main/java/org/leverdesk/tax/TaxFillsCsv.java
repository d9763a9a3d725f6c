package org.leverdesk.tax;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads fills written as CSV with the header {@code date,symbol,action,quantity,price,fees} (action: BUY,
 * SELL, EXPIRED, ASSIGNED, EXERCISED; an option by its OCC symbol, its price per share of premium). A file
 * with any bad line gives nothing: every problem is listed as {@code name:line: reason}.
 */
public final class TaxFillsCsv {
    public static final String HEADER = "date,symbol,action,quantity,price,fees";

    private TaxFillsCsv() {
    }

    public static List<TaxFill> parse(String name, List<String> lines) {
        List<String> problems = new ArrayList<>();
        List<TaxFill> out = new ArrayList<>();
        if (lines.isEmpty() || !lines.get(0).trim().toLowerCase(Locale.ROOT).replace(" ", "").equals(HEADER)) {
            throw new IllegalArgumentException(name + ":1: the first line must be the header '" + HEADER + "'");
        }
        for (int i = 1; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != 6) {
                problems.add(name + ":" + (i + 1) + ": expected 6 fields (" + HEADER + "), got " + f.length);
                continue;
            }
            try {
                TaxAction action = TaxAction.valueOf(f[2].trim().toUpperCase(Locale.ROOT));
                out.add(new TaxFill(LocalDate.parse(f[0].trim()), f[1], action, new BigDecimal(f[3].trim()),
                        f[4].isBlank() ? BigDecimal.ZERO : new BigDecimal(f[4].trim()), f[5].isBlank() ? BigDecimal.ZERO : new BigDecimal(f[5].trim())));
            } catch (DateTimeParseException e) {
                problems.add(name + ":" + (i + 1) + ": date '" + f[0].trim() + "' is not YYYY-MM-DD");
            } catch (NumberFormatException e) {
                problems.add(name + ":" + (i + 1) + ": quantity, price and fees must be numbers");
            } catch (IllegalArgumentException e) {
                String m = e.getMessage() != null && e.getMessage().startsWith("No enum constant")
                        ? "action '" + f[2].trim() + "' must be one of BUY, SELL, EXPIRED, ASSIGNED, EXERCISED" : e.getMessage();
                problems.add(name + ":" + (i + 1) + ": " + m);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(String.join(System.lineSeparator(), problems));
        }
        return out;
    }
}

package org.leverdesk.market.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.leverdesk.domain.Bar;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads a daily-bar CSV file in Leverdesk's layout or as exported by Yahoo Finance (told apart by
 * the header), validates every line with {@link BarValidator} and returns the bars only when the
 * whole file is clean; otherwise it throws one {@link CsvValidationException} listing every problem.
 */
public final class CsvBarReader {
    private static final Logger LOG = LoggerFactory.getLogger(CsvBarReader.class);

    private static final String[] PRICE_NAMES = {"open", "high", "low", "close", "adj_close"};
    private static final int CLOSE = 3;
    private static final int ADJ = 4;

    private final BarValidator validator;

    public CsvBarReader(TradingCalendar calendar) {
        this.validator = new BarValidator(calendar);
    }

    /** The bars of {@code file}, oldest first. @throws CsvValidationException listing every problem */
    public List<Bar> read(Path file) {
        long start = System.nanoTime();
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Bar> bars = parse(name, in);
            LOG.debug("read {} bars from {} in {} ms", bars.size(), file, (System.nanoTime() - start) / 1_000_000);
            return bars;
        } catch (NoSuchFileException e) {
            throw new MarketDataException("price file " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new MarketDataException("cannot read price file " + file + ": " + e.getMessage(), e);
        }
    }

    /** The bars of {@code file} as a series named {@code symbol}. */
    public BarSeries readSeries(Path file, String symbol) {
        return BarSeries.of(symbol, read(file));
    }

    private List<Bar> parse(String name, BufferedReader in) throws IOException {
        ProblemLog problems = new ProblemLog(name);
        BiConsumer<Integer, String> sink = problems::add;
        List<Bar> bars = new ArrayList<>();
        BarValidator.DateSequence dates = new BarValidator.DateSequence();
        CsvFormat format = null;
        String[] fields = new String[CsvFormat.COLUMNS];
        int lineNo = 0;
        String line;
        try {
            while ((line = in.readLine()) != null) {
                lineNo++;
                if (lineNo == 1 && line.startsWith("\uFEFF")) {
                    line = line.substring(1);
                }
                if (line.isBlank()) {
                    continue; // trailing newlines and blank lines carry no data
                }
                if (format == null) {
                    format = CsvFormat.detect(line);
                    if (format == null) {
                        problems.add(lineNo, "unknown header '" + abbreviate(line) + "'; expected "
                                + CsvFormat.expectedHeaders());
                        problems.throwIfAny();
                    }
                    continue;
                }
                Bar bar = parseRow(line, lineNo, format, fields, dates, sink);
                if (bar != null && problems.isEmpty()) {
                    bars.add(bar);
                }
            }
        } catch (CharacterCodingException e) {
            problems.add(lineNo + 1, "the file is not UTF-8 text; save it as UTF-8 CSV and import it again");
            problems.throwIfAny();
        }
        if (format == null) {
            problems.add(0, "the file is empty; expected a header line " + CsvFormat.expectedHeaders());
        } else if (problems.isEmpty() && bars.isEmpty()) {
            problems.add(0, "the file has a header but no data rows");
        }
        problems.throwIfAny();
        return bars;
    }

    /** Parses and checks one data line; returns the bar, or null when the line has a problem. */
    private Bar parseRow(String line, int lineNo, CsvFormat f, String[] fields, BarValidator.DateSequence dates,
                         BiConsumer<Integer, String> sink) {
        int n = split(line, fields);
        if (n != CsvFormat.COLUMNS) {
            sink.accept(lineNo, "expected " + CsvFormat.COLUMNS + " comma-separated fields, found " + n);
            return null;
        }
        for (int i = 0; i < n; i++) {
            if (i != f.date && fields[i].equalsIgnoreCase("null")) {
                sink.accept(lineNo, "the row has 'null' instead of prices (Yahoo writes this for missing days);"
                        + " delete the line or download the file again");
                return null;
            }
        }
        LocalDate date = parseDate(fields[f.date]);
        if (date == null) {
            sink.accept(lineNo, "date '" + abbreviate(fields[f.date]) + "' is not a valid YYYY-MM-DD date");
        } else {
            validator.checkDate(date, lineNo, dates, sink);
        }
        boolean numbersOk = true;
        double[] p = new double[PRICE_NAMES.length];
        int[] columns = f.priceColumns();
        for (int k = 0; k < p.length; k++) {
            String text = fields[columns[k]];
            if (k == ADJ && text.isEmpty()) {
                p[k] = p[CLOSE]; // no adjusted close given: the close is the best we know
                continue;
            }
            try {
                p[k] = parseNumber(text);
            } catch (NumberFormatException e) {
                sink.accept(lineNo, PRICE_NAMES[k] + " '" + abbreviate(text) + "' is not a number");
                numbersOk = false;
            }
        }
        long volume = 0;
        try {
            volume = parseVolume(fields[f.volume]);
        } catch (NumberFormatException e) {
            sink.accept(lineNo, "volume '" + abbreviate(fields[f.volume]) + "' is not a number of shares");
            numbersOk = false;
        }
        if (!numbersOk) {
            return null;
        }
        validator.checkValues(p[0], p[1], p[2], p[CLOSE], p[ADJ], volume, lineNo, sink);
        return date == null ? null : new Bar(date, p[0], p[1], p[2], p[CLOSE], volume, p[ADJ]);
    }

    /** Whole shares; Yahoo sometimes writes "1234.0", so decimals are accepted and rounded. */
    static long parseVolume(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '.' || c == 'e' || c == 'E') {
                double d = parseNumber(s);
                if (!Double.isFinite(d) || Math.abs(d) >= 9.0e18) {
                    throw new NumberFormatException(s);
                }
                return Math.round(d);
            }
        }
        return Long.parseLong(s);
    }

    /** Splits on commas into {@code out} (stripped, unquoted); returns the number of fields found. */
    static int split(String line, String[] out) {
        int count = 0;
        int start = 0;
        while (true) {
            int comma = line.indexOf(',', start);
            String field = comma < 0 ? line.substring(start) : line.substring(start, comma);
            if (count < out.length) {
                out[count] = unquote(field.strip());
            }
            count++;
            if (comma < 0) {
                return count;
            }
            start = comma + 1;
        }
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"'
                ? s.substring(1, s.length() - 1).strip() : s;
    }

    /** Strict YYYY-MM-DD, without the cost of a DateTimeFormatter; null when invalid. */
    static LocalDate parseDate(String s) {
        if (s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int y = digits(s, 0, 4), m = digits(s, 5, 7), d = digits(s, 8, 10);
        if (y < 0 || m < 0 || d < 0) {
            return null;
        }
        try {
            return LocalDate.of(y, m, d);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String s, int from, int to) {
        int v = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * A decimal number; NaN and Infinity are returned as such so that the validator reports them
     * as non-finite prices. Java-only forms Double.parseDouble would accept (hex, "1.5d") are rejected.
     * @throws NumberFormatException when {@code s} is not a decimal number
     */
    static double parseNumber(String s) {
        switch (s.toLowerCase(java.util.Locale.ROOT)) {
            case "nan", "+nan", "-nan" -> { return Double.NaN; }
            case "inf", "+inf", "infinity", "+infinity" -> { return Double.POSITIVE_INFINITY; }
            case "-inf", "-infinity" -> { return Double.NEGATIVE_INFINITY; }
            default -> { }
        }
        if (s.isEmpty()) {
            throw new NumberFormatException("empty");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c == '.' || c == '-' || c == '+' || c == 'e' || c == 'E')) {
                throw new NumberFormatException(s);
            }
        }
        return Double.parseDouble(s);
    }

    private static String abbreviate(String s) {
        return s.length() <= 60 ? s : s.substring(0, 57) + "...";
    }
}

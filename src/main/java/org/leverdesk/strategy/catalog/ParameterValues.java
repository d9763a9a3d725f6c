package org.leverdesk.strategy.catalog;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.leverdesk.strategy.catalog.StrategyDescriptor.ParameterSpec;

/**
 * Converts a parameter between the text its strategy parses ("0.3", "true", "50" basis points) and
 * the text people see and type ("30" percent, on/off, "0.5" percent, "2,000.00" dollars), and checks
 * what was typed with messages that use the parameter's label, never its code name. Pure functions:
 * the forms, the CLI and tests share them.
 */
public final class ParameterValues {
    /** A ticker symbol as the strategies accept it. */
    public static final Pattern TICKER = Pattern.compile("[A-Z][A-Z0-9.]{0,9}");
    private static final DecimalFormatSymbols US = DecimalFormatSymbols.getInstance(Locale.US);

    private ParameterValues() {
    }

    /** What was typed, read: the strategy's text, or the one-line problem (in the parameter's label). */
    public record Parsed(String stored, String problem) {
        public boolean ok() {
            return problem == null;
        }

        static Parsed ok(String stored) {
            return new Parsed(stored, null);
        }

        static Parsed problem(String problem) {
            return new Parsed(null, problem);
        }
    }

    /** The text a form shows for the strategy's text {@code stored} (unchanged when it does not parse). */
    public static String display(ParameterSpec p, String stored) {
        String s = stored == null ? "" : stored.trim();
        BigDecimal n = number(s);
        return switch (p.kind()) {
            case PERCENT -> n == null ? s : plain(p.base().toPercent(n));
            case MONEY -> n == null ? s : new DecimalFormat("#,##0.00", US).format(n);
            case NUMBER -> n == null ? s : n.stripTrailingZeros().scale() <= 0 && n.abs().compareTo(BigDecimal.valueOf(10_000)) >= 0
                    ? new DecimalFormat("#,##0", US).format(n) : plain(n);
            case ON_OFF -> Boolean.toString(isOn(s));
            case TICKER -> s.toUpperCase(Locale.ROOT);
            case TICKER_LIST -> String.join(", ", tickers(s));
            case TICKER_WEIGHTS -> String.join(", ", weightPairs(s)).toUpperCase(Locale.ROOT);
            case CHOICE, TEXT, SECRET -> s;
        };
    }

    /** Reads {@code shown} (what a form holds) into the strategy's text, or says what is wrong with it. */
    public static Parsed parse(ParameterSpec p, String shown) {
        String s = shown == null ? "" : shown.trim();
        return switch (p.kind()) {
            case NUMBER, PERCENT, MONEY -> parseNumber(p, s);
            case ON_OFF -> switch (s.toLowerCase(Locale.ROOT)) {
                case "true", "on", "yes" -> Parsed.ok("true");
                case "false", "off", "no" -> Parsed.ok("false");
                default -> Parsed.problem(p.label() + " must be on or off (got '" + s + "')");
            };
            case TICKER -> {
                String t = s.toUpperCase(Locale.ROOT);
                if (t.isEmpty()) {
                    yield Parsed.problem(p.label() + " is needed");
                }
                yield TICKER.matcher(t).matches() ? Parsed.ok(t)
                        : Parsed.problem(p.label() + " must be a ticker like QQQ (got '" + s + "')");
            }
            case TICKER_LIST -> {
                List<String> list = tickers(s);
                for (String t : list) {
                    if (!TICKER.matcher(t).matches()) {
                        yield Parsed.problem(p.label() + ": '" + t + "' is not a ticker; list symbols like GLD, SLX");
                    }
                }
                yield Parsed.ok(String.join(",", list));
            }
            case TICKER_WEIGHTS -> {
                List<String> pairs = new ArrayList<>();
                for (String pair : weightPairs(s)) {
                    String[] tw = pair.split(":", -1);
                    BigDecimal w = tw.length == 2 ? number(tw[1].trim()) : null;
                    String t = tw[0].trim().toUpperCase(Locale.ROOT);
                    if (tw.length != 2 || !TICKER.matcher(t).matches() || w == null || w.signum() <= 0 || w.compareTo(BigDecimal.ONE) > 0) {
                        yield Parsed.problem(p.label() + ": '" + pair + "' is not a ticker and a weight above 0 and at most 1;"
                                + " write pairs like QQQM:0.45, VTI:0.25");
                    }
                    pairs.add(t + ":" + w.stripTrailingZeros().toPlainString());
                }
                yield Parsed.ok(String.join(",", pairs));
            }
            case CHOICE -> p.choices().stream()
                    .filter(c -> c.value().equalsIgnoreCase(s) || c.label().equalsIgnoreCase(s)).findFirst()
                    .map(c -> Parsed.ok(c.value()))
                    .orElseGet(() -> Parsed.problem(p.label() + " must be one of: "
                            + String.join(", ", p.choices().stream().map(Choice::label).toList())));
            case TEXT, SECRET -> Parsed.ok(s);
        };
    }

    /** A number in the unit people see, for messages and readouts: "30%", "$2,000.00", "20 days". */
    public static String describe(ParameterSpec p, double shownValue) {
        return switch (p.kind()) {
            case PERCENT -> plain(shownValue) + "%";
            case MONEY -> (shownValue < 0 ? "-$" : "$") + new DecimalFormat("#,##0.00", US).format(Math.abs(shownValue));
            default -> plain(shownValue) + (p.unit().isEmpty() ? "" : " " + p.unit());
        };
    }

    /** The label of a choice value (the value itself when it is not one of the choices). */
    public static String choiceLabel(ParameterSpec p, String value) {
        return p.choices().stream().filter(c -> c.value().equalsIgnoreCase(value)).map(Choice::label).findFirst().orElse(value);
    }

    /**
     * A strategy's own message in people's words: every parameter name in it becomes its label
     * ("entryRsi (80) must be below exitRsi (75)" → "Entry RSI (80) must be below Exit RSI (75)").
     */
    public static String inWords(List<ParameterSpec> specs, String message) {
        if (message == null) {
            return "";
        }
        String out = message;
        List<ParameterSpec> longestFirst = new ArrayList<>(specs);
        longestFirst.sort(Comparator.comparingInt((ParameterSpec p) -> p.name().length()).reversed());
        for (ParameterSpec p : longestFirst) {
            out = out.replaceAll("\\b" + Pattern.quote(p.name()) + "\\b", Matcher.quoteReplacement(p.label()));
        }
        return out;
    }

    /** The parameter a strategy's message names first, if any. */
    public static Optional<ParameterSpec> about(List<ParameterSpec> specs, String message) {
        ParameterSpec best = null;
        int at = Integer.MAX_VALUE;
        for (ParameterSpec p : specs) {
            Matcher m = Pattern.compile("\\b" + Pattern.quote(p.name()) + "\\b").matcher(message == null ? "" : message);
            if (m.find() && m.start() < at) {
                at = m.start();
                best = p;
            }
        }
        return Optional.ofNullable(best);
    }

    /** "QQQM: 0.45; vti:0.25" → [QQQM:0.45, vti:0.25]: pairs split at commas or semicolons, spaces dropped. */
    private static List<String> weightPairs(String text) {
        List<String> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;]+")) {
            if (!part.isBlank()) {
                out.add(part.replaceAll("\\s+", ""));
            }
        }
        return out;
    }

    /** "GLD, slx  JEF" → [GLD, SLX, JEF]. */
    public static List<String> tickers(String text) {
        List<String> out = new ArrayList<>();
        for (String part : (text == null ? "" : text).split("[,;\\s]+")) {
            if (!part.isBlank()) {
                out.add(part.trim().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The value a form shows as a number (NaN when it is not one): percent points for a percent. */
    public static double shownNumber(String shown) {
        BigDecimal n = number(clean(shown == null ? "" : shown.trim()));
        return n == null ? Double.NaN : n.doubleValue();
    }

    private static Parsed parseNumber(ParameterSpec p, String s) {
        if (s.isEmpty()) {
            return Parsed.problem(p.label() + " is needed");
        }
        BigDecimal n = number(clean(s));
        if (n == null) {
            return Parsed.problem(p.label() + " must be a number (got '" + s + "')");
        }
        NumberRange r = p.range();
        if (r.whole() && n.stripTrailingZeros().scale() > 0) {
            return Parsed.problem(p.label() + " must be a whole number (got " + s + ")");
        }
        double v = n.doubleValue();
        if (!r.contains(v)) {
            return Parsed.problem(p.label() + " must be " + rangeText(p) + " (got " + describe(p, v) + ")");
        }
        BigDecimal stored = p.kind() == ParameterKind.PERCENT ? p.base().fromPercent(n) : n;
        return Parsed.ok(plain(stored));
    }

    /** "between 2 and 500 days", "above 0% and at most 100%", "at least $1,000.00". */
    public static String rangeText(ParameterSpec p) {
        NumberRange r = p.range();
        boolean low = r.min() > -Double.MAX_VALUE;
        boolean high = r.max() < Double.MAX_VALUE;
        String min = describe(p, r.min());
        String max = describe(p, r.max());
        if (low && high && !r.minOpen() && !r.maxOpen()) {
            return "between " + stripUnit(p, min) + " and " + max;
        }
        String lower = low ? (r.minOpen() ? "above " : "at least ") + min : "";
        String upper = high ? (r.maxOpen() ? "below " : "at most ") + max : "";
        return lower.isEmpty() ? upper : upper.isEmpty() ? lower : lower + " and " + upper;
    }

    // "between 2 days and 500 days" reads worse than "between 2 and 500 days"
    private static String stripUnit(ParameterSpec p, String text) {
        return p.kind() == ParameterKind.NUMBER && !p.unit().isEmpty() && text.endsWith(" " + p.unit())
                ? text.substring(0, text.length() - p.unit().length() - 1) : text;
    }

    private static String clean(String s) {
        String t = s.replace(",", "").replace("_", "").replace("$", "").trim();
        return t.endsWith("%") ? t.substring(0, t.length() - 1).trim() : t;
    }

    private static BigDecimal number(String s) {
        if (!s.matches("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
            return null;
        }
        return new BigDecimal(s);
    }

    private static boolean isOn(String s) {
        return s.equalsIgnoreCase("true") || s.equalsIgnoreCase("on") || s.equalsIgnoreCase("yes");
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return new DecimalFormat("#,##0", US).format(v);
        }
        return plain(BigDecimal.valueOf(v));
    }
}

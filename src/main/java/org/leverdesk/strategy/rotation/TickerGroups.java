package org.leverdesk.strategy.rotation;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The four editable ticker groups (seed 004) and the universe each sleeve ranks. */
public record TickerGroups(List<String> core, List<String> benchmarks, List<String> speculative, List<String> asymmetric) {
    public static final String DEFAULT_CORE = "GLD,SLX,JEF,CPER";
    public static final String DEFAULT_BENCHMARKS = "SPY,QQQ";
    public static final String DEFAULT_SPECULATIVE = "NVDA,PLTR,TSLA,MSFT";
    public static final String DEFAULT_ASYMMETRIC = "OKLO,RMBS,QBTS,IREN,AFRM,SOFI";

    public TickerGroups {
        core = checked("core", core, true);
        benchmarks = checked("benchmarks", benchmarks, false);
        speculative = checked("speculative", speculative, true);
        asymmetric = checked("asymmetric", asymmetric, true);
    }

    public static TickerGroups defaults() {
        return new TickerGroups(parse(DEFAULT_CORE), parse(DEFAULT_BENCHMARKS), parse(DEFAULT_SPECULATIVE), parse(DEFAULT_ASYMMETRIC));
    }

    /** Splits "GLD, slx ,JEF" into [GLD, SLX, JEF]; blank text is an empty group. */
    public static List<String> parse(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) {
            return out;
        }
        for (String part : text.split("[,\\s]+")) {
            if (!part.isBlank()) {
                out.add(part.trim().toUpperCase(Locale.ROOT));
            }
        }
        return out;
    }

    /** The tickers a sleeve ranks, in group order, without duplicates. */
    public List<String> universe(Sleeve sleeve) {
        Set<String> out = new LinkedHashSet<>();
        switch (sleeve) {
            case BUY_HOLD -> out.addAll(benchmarks);
            case TACTICAL -> {
                out.addAll(core);
                out.addAll(benchmarks);
            }
            case SPEC -> {
                out.addAll(core);
                out.addAll(benchmarks);
                out.addAll(speculative);
            }
            case ASYM -> {
                out.addAll(core);
                out.addAll(benchmarks);
                out.addAll(speculative);
                out.addAll(asymmetric);
            }
        }
        return List.copyOf(out);
    }

    /** Every ticker of every group. */
    public List<String> all() {
        return universe(Sleeve.ASYM);
    }

    private static List<String> checked(String name, List<String> tickers, boolean mayBeEmpty) {
        if (tickers == null || (!mayBeEmpty && tickers.isEmpty())) {
            throw new IllegalArgumentException(name + " tickers must list at least one symbol, e.g. SPY,QQQ");
        }
        for (String t : tickers) {
            if (t == null || !t.matches("[A-Z][A-Z0-9.]{0,9}")) {
                throw new IllegalArgumentException(name + " tickers must be symbols like GLD separated by commas (got '" + t + "')");
            }
        }
        return List.copyOf(tickers);
    }
}

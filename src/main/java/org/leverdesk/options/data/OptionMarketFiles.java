package org.leverdesk.options.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.calendar.TradingCalendar;
import org.leverdesk.market.data.CsvBarReader;
import org.leverdesk.market.data.CsvValidationException;
import org.leverdesk.market.data.CsvValidationException.Problem;
import org.leverdesk.market.data.MarketData;
import org.leverdesk.market.data.MarketDataException;
import org.leverdesk.options.chain.SyntheticChains;
import org.leverdesk.options.chain.UnderlyingSetup;
import org.leverdesk.options.market.DailySeries;
import org.leverdesk.options.market.DividendYield;
import org.leverdesk.options.market.OptionInputException;
import org.leverdesk.options.market.RiskFreeRate;
import org.leverdesk.options.market.VolatilityIndex;

/**
 * Reads the synthetic chains' inputs from files and builds {@link SyntheticChains} for the app layer;
 * the only file reading of the options package (the maths takes series).
 *
 * <p>Layout (this project's shared data): {@code VIX.csv} in the prices folder, {@code VXN.csv} in
 * {@code ../volatility}, {@code DGS3MO.csv} in {@code ../rates}. QQQ and QQQM are priced off VXN (VIX ×
 * {@value VolatilityIndex#VXN_PER_VIX} before VXN starts, or when its file is missing), SPY off VIX; the
 * rate is DGS3MO (3% where it has no value); dividend yields are trailing 12-month yields from the
 * underlyings' own adjusted closes.
 */
public final class OptionMarketFiles {
    /** The underlyings set up by default, with the index each is priced from. */
    public static final List<String> NASDAQ_UNDERLYINGS = List.of("QQQ", "QQQM");
    public static final String SPY = "SPY";
    private static final int MAX_PROBLEMS = 50;

    private OptionMarketFiles() {
    }

    /**
     * Where the inputs are, any of them possibly null (absent).
     *
     * @param vix           VIX.csv (price-file layout)
     * @param vxn           VXN.csv (price-file layout)
     * @param treasuryBills DGS3MO.csv ({@code date,rate_percent})
     */
    public record Locations(Path vix, Path vxn, Path treasuryBills) {
    }

    /** The files beside a prices folder, as laid out in ../shared/data; those that do not exist are null. */
    public static Locations besidePrices(Path pricesDir) {
        Path root = pricesDir.toAbsolutePath().normalize().getParent();
        return new Locations(existing(pricesDir.resolve("VIX.csv")),
                root == null ? null : existing(root.resolve("volatility").resolve("VXN.csv")),
                root == null ? null : existing(root.resolve("rates").resolve("DGS3MO.csv")));
    }

    /**
     * Chains for QQQ, QQQM and SPY (those of them that {@code underlyings} has) on real data; VIX comes from
     * its file or, without one, from {@code underlyings} (an imported VIX).
     *
     * @throws OptionInputException when there is no VIX, without which nothing can be priced
     */
    public static SyntheticChains realMarket(Locations files, MarketData underlyings, TradingCalendar calendar) {
        DailySeries vix;
        if (files.vix() != null) {
            vix = readIndex(files.vix(), "VIX", calendar);
        } else if (underlyings.symbols().contains("VIX")) {
            vix = DailySeries.closes(underlyings.bars("VIX", MarketData.EARLIEST, LocalDate.of(2100, 1, 1)),
                    VolatilityIndex.DEFAULT_MAX_AGE_DAYS);
        } else {
            throw new OptionInputException("no VIX.csv in the prices folder and no VIX in the store: synthetic option chains need"
                    + " the volatility index; add VIX.csv (date,open,high,low,close,volume,adj_close) or import it");
        }
        VolatilityIndex nasdaqIndex = files.vxn() != null
                ? VolatilityIndex.of(readIndex(files.vxn(), "VXN", calendar)).orElse(vix, VolatilityIndex.VXN_PER_VIX)
                : VolatilityIndex.of(vix.scaled(VolatilityIndex.VXN_PER_VIX, "VXN"));
        return new SyntheticChains(calendar, treasuryBillRates(files), setups(underlyings, nasdaqIndex, VolatilityIndex.of(vix)));
    }

    /**
     * The T-bill rates of {@code files}' DGS3MO.csv (3% where it has no value), or the constant 3% without the file:
     * the synthetic chains' rate, and the rate of Alpaca's chains (which carry none).
     */
    public static RiskFreeRate treasuryBillRates(Locations files) {
        return files != null && files.treasuryBills() != null
                ? RiskFreeRate.treasuryBills(readTreasuryBills(files.treasuryBills()), RiskFreeRate.DEFAULT_FALLBACK)
                : RiskFreeRate.constant(RiskFreeRate.DEFAULT_FALLBACK);
    }

    /**
     * Chains on the simulated DEMO market: its VIX-like series (× {@value VolatilityIndex#VXN_PER_VIX} for QQQ
     * and QQQM, as VXN relates to VIX), a constant 3% rate, dividend yields from its adjusted closes.
     */
    public static SyntheticChains demoMarket(MarketData demo, TradingCalendar calendar) {
        BarSeries vixBars = demo.bars("VIX", MarketData.EARLIEST, LocalDate.of(2100, 1, 1));
        DailySeries vix = DailySeries.closes(vixBars, VolatilityIndex.DEFAULT_MAX_AGE_DAYS);
        return new SyntheticChains(calendar, RiskFreeRate.constant(RiskFreeRate.DEFAULT_FALLBACK),
                setups(demo, VolatilityIndex.of(vix.scaled(VolatilityIndex.VXN_PER_VIX, "VXN")), VolatilityIndex.of(vix)));
    }

    private static List<UnderlyingSetup> setups(MarketData underlyings, VolatilityIndex nasdaq, VolatilityIndex vix) {
        List<UnderlyingSetup> out = new ArrayList<>();
        for (String symbol : NASDAQ_UNDERLYINGS) {
            if (underlyings.symbols().contains(symbol)) {
                out.add(UnderlyingSetup.defaults(symbol, nasdaq, dividends(underlyings, symbol, DividendYield.QQQ_DEFAULT)));
            }
        }
        if (underlyings.symbols().contains(SPY)) {
            out.add(UnderlyingSetup.defaults(SPY, vix, dividends(underlyings, SPY, DividendYield.SPY_DEFAULT)));
        }
        return out;
    }

    private static DividendYield dividends(MarketData data, String symbol, double fallback) {
        return DividendYield.trailing(data.bars(symbol, MarketData.EARLIEST, LocalDate.of(2100, 1, 1)), fallback);
    }

    /** A volatility index in the price-file layout, validated by the app's bar reader, as a daily series of closes. */
    public static DailySeries readIndex(Path file, String name, TradingCalendar calendar) {
        return DailySeries.closes(new CsvBarReader(calendar).readSeries(file, name), VolatilityIndex.DEFAULT_MAX_AGE_DAYS);
    }

    /**
     * FRED's DGS3MO as {@code date,rate_percent}: ISO dates strictly ascending, yields in percent between −5 and 30.
     *
     * @throws CsvValidationException listing every bad line; nothing is returned from a bad file
     */
    public static DailySeries readTreasuryBills(Path file) {
        String name = file.getFileName() == null ? file.toString() : file.getFileName().toString();
        List<Problem> problems = new ArrayList<>();
        List<LocalDate> dates = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String header = in.readLine();
            if (header == null || !header.strip().replace("\uFEFF", "").equalsIgnoreCase("date,rate_percent")) {
                throw new CsvValidationException(List.of(new Problem(name, 1,
                        "header must be 'date,rate_percent' (FRED DGS3MO in percent), got '" + header + "'")));
            }
            String line;
            int number = 1;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                String problem = parseRateLine(line, dates, values);
                if (problem != null && problems.size() < MAX_PROBLEMS) {
                    problems.add(new Problem(name, number, problem));
                }
            }
        } catch (NoSuchFileException e) {
            throw new MarketDataException("rate file " + file + " does not exist; check the path");
        } catch (IOException e) {
            throw new MarketDataException("cannot read rate file " + file + ": " + e.getMessage(), e);
        }
        if (!problems.isEmpty()) {
            throw new CsvValidationException(problems);
        }
        if (dates.isEmpty()) {
            throw new CsvValidationException(List.of(new Problem(name, 0, "no rates in the file")));
        }
        double[] v = new double[values.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = values.get(i);
        }
        return DailySeries.of("DGS3MO", dates.toArray(LocalDate[]::new), v, RiskFreeRate.DEFAULT_MAX_AGE_DAYS);
    }

    /** Adds one line's date and value, or returns what is wrong with it. */
    private static String parseRateLine(String line, List<LocalDate> dates, List<Double> values) {
        String[] parts = line.split(",", -1);
        if (parts.length != 2) {
            return "expected 2 fields (date,rate_percent), got " + parts.length;
        }
        LocalDate date;
        try {
            date = LocalDate.parse(parts[0].strip());
        } catch (DateTimeParseException e) {
            return "'" + parts[0] + "' is not an ISO date (YYYY-MM-DD)";
        }
        double value;
        try {
            value = Double.parseDouble(parts[1].strip());
        } catch (NumberFormatException e) {
            return "'" + parts[1] + "' is not a number (leave out days without a value)";
        }
        if (!Double.isFinite(value) || value < -5 || value > 30) {
            return "rate " + parts[1] + "% is outside -5..30 percent";
        }
        if (!dates.isEmpty() && !date.isAfter(dates.get(dates.size() - 1))) {
            return "date " + date + " is not after the previous line's " + dates.get(dates.size() - 1);
        }
        dates.add(date);
        values.add(value);
        return null;
    }

    private static Path existing(Path p) {
        return Files.isRegularFile(p) ? p : null;
    }
}

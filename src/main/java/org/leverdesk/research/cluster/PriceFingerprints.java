package org.leverdesk.research.cluster;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.Locale;
import org.leverdesk.backtest.BacktestRunner;
import org.leverdesk.domain.BarSeries;
import org.leverdesk.market.data.MarketData;

/**
 * A digest of the prices a backtest would read, so a submitter can refuse a worker whose price files
 * differ from its own (same results everywhere, or no results): SHA-256 over every bar of the traded
 * symbol up to the last day (date, open, high, low, close, volume, adjusted close).
 */
public final class PriceFingerprints {
    private final BacktestRunner runner;

    public PriceFingerprints(BacktestRunner runner) {
        this.runner = runner;
    }

    /** The digest of {@code symbol} (null: the strategy's default symbol) up to {@code to}, with its bar count. */
    public String of(String strategyId, String symbol, LocalDate to) {
        String s = symbol;
        if (s == null || s.isBlank()) {
            s = runner.strategies().stream().filter(i -> i.id().equals(strategyId)).findFirst()
                    .map(BacktestRunner.StrategyInfo::defaultSymbol)
                    .orElseThrow(() -> new IllegalArgumentException("unknown strategy '" + strategyId + "'"));
        }
        BarSeries bars = runner.bars(s, MarketData.EARLIEST, to);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
        for (int i = 0; i < bars.size(); i++) {
            sha.update(String.format(Locale.ROOT, "%s,%s,%s,%s,%s,%d,%s;", bars.date(i), bars.open(i), bars.high(i), bars.low(i),
                    bars.close(i), bars.volume(i), bars.adjClose(i)).getBytes(StandardCharsets.US_ASCII));
        }
        return s.toUpperCase(Locale.ROOT) + " " + bars.size() + " bars " + bars.firstDate() + ".." + bars.lastDate() + " sha256 "
                + HexFormat.of().formatHex(sha.digest()).substring(0, 16);
    }
}

package org.leverdesk.app.cli;

import java.util.ArrayList;
import java.util.List;
import org.leverdesk.config.OptionsMode;
import org.leverdesk.config.OptionsPortfolio;
import org.leverdesk.config.PortfolioAsset;
import picocli.CommandLine.Option;

/**
 * {@code backtest --mode MODE [--asset ...] [--weekly-dca N]} or {@code backtest --portfolio [--config FILE]}: which
 * options portfolio a mode backtest runs. {@code --mode} with no {@code --asset} runs the mode on its default assets
 * ({@link #defaults}); {@code --portfolio} runs the config's {@code portfolio} block as saved.
 */
final class ModeBacktestOptions {
    @Option(names = "--mode", paramLabel = "MODE", description = "Backtest seed 003's mode on one account: conservative, balanced"
            + " or enhanced (its strategies with their capital shares; see README \"Modes and the symbols portfolio\").")
    String mode;

    @Option(names = "--portfolio", description = "Backtest the config's portfolio block (mode, assets, weekly DCA) as saved.")
    boolean portfolio;

    @Option(names = "--asset", paramLabel = "TICKER:OPTIONS_TICKER:WEIGHT:STRATEGIES:MAX_ALLOC_PCT",
            description = "With --mode: an asset as in config options-mode (repeat for each; default: QQQM:QQQ:1::1,"
                    + " every strategy of the mode on QQQM with options on QQQ).")
    List<String> assets = new ArrayList<>();

    @Option(names = "--weekly-dca", paramLabel = "DOLLARS", description = "With --mode: the weekly DCA total split by weight"
            + " (default: 100).")
    Double weeklyDca;

    @picocli.CommandLine.Mixin
    ConfigOptions config;

    /** True when a mode or the config's portfolio is asked for. */
    boolean chosen() {
        return mode != null || portfolio;
    }

    /** The portfolio to backtest; one-line errors for a conflicting or unknown choice. */
    OptionsPortfolio portfolio() {
        if (mode != null && portfolio) {
            throw new IllegalArgumentException("choose --mode MODE or --portfolio (the config's block), not both");
        }
        if (portfolio) {
            if (!assets.isEmpty() || weeklyDca != null) {
                throw new IllegalArgumentException("--asset and --weekly-dca go with --mode; --portfolio runs the config's block"
                        + " as saved (change it with leverdesk config options-mode)");
            }
            var file = config.file();
            OptionsPortfolio p = file.read().portfolio();
            if (p == null) {
                throw new IllegalArgumentException("no portfolio block in " + file.path() + "; set one with leverdesk config"
                        + " options-mode MODE --asset ..., or backtest --mode MODE");
            }
            return p;
        }
        OptionsMode m;
        try {
            m = OptionsMode.parse(mode);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--mode '" + mode + "' is not a mode; use conservative, balanced or enhanced");
        }
        List<PortfolioAsset> list = new ArrayList<>();
        assets.forEach(a -> list.add(PortfolioAsset.parse(a)));
        return new OptionsPortfolio(m, weeklyDca == null ? 100 : weeklyDca, 1.0, list.isEmpty() ? defaults(m) : list);
    }

    /**
     * The assets {@code --mode} runs on without {@code --asset}: seed 003's single asset, QQQM with options on QQQ, for
     * every strategy of the mode. In Enhanced the wheel, spreads and the condor all trade QQQ options in the one
     * account: contract-level ownership (decision record 0031) keeps each one's contracts its own.
     */
    static List<PortfolioAsset> defaults(OptionsMode m) {
        return List.of(PortfolioAsset.parse("QQQM:QQQ:1::1"));
    }
}

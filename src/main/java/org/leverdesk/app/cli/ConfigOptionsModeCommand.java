package org.leverdesk.app.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.ConfigProblem;
import org.leverdesk.config.ConfigValidator;
import org.leverdesk.config.OptionsMode;
import org.leverdesk.config.OptionsPortfolio;
import org.leverdesk.config.PortfolioAsset;
import org.leverdesk.config.StrategySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code leverdesk config options-mode MODE --asset ...}: seed 003's mode and {@code symbols:} portfolio in one place.
 * The config keeps the portfolio and the strategies it expands to (with their capital shares), so every other
 * command, the scheduler and Settings run plain strategies; the risk step reads the assets for its per-asset gates.
 */
@Command(name = "options-mode", mixinStandardHelpOptions = true,
        description = {"Choose seed 003's mode and its assets: conservative (DCA + covered calls), balanced (DCA + the wheel),",
                "enhanced (+ credit spreads and iron condors on a tiny allocation), or off. Prints the strategies it runs",
                "with their capital shares, checks everything, and saves only a valid config. Without --asset the",
                "configured assets are kept (a mode change); --show prints without saving."})
final class ConfigOptionsModeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ConfigOptions config;

    @Parameters(index = "0", paramLabel = "MODE", description = "conservative, balanced, enhanced, or off (removes the portfolio"
            + " and its strategies).")
    String mode;

    @Option(names = "--asset", paramLabel = "TICKER:OPTIONS_TICKER:WEIGHT:STRATEGIES:MAX_ALLOC_PCT",
            description = "An asset, e.g. QQQM:QQQ:0.45:dca,wheel:0.50 (repeat for each; an empty options ticker is the ticker,"
                    + " empty strategies the mode's). Weights are fractions of the weekly DCA total and add up to at most 1.")
    List<String> assets = new ArrayList<>();

    @Option(names = "--weekly-dca", paramLabel = "DOLLARS", description = "The weekly DCA total split by weight (default: the"
            + " configured one, else 100).")
    Double weeklyDca;

    @Option(names = "--share", paramLabel = "FRACTION", description = "The part (0..1] of the account the whole mode uses (default:"
            + " the configured one, else 1); each strategy gets its mode share of it.")
    Double share;

    @Option(names = "--show", description = "Print the expansion; change nothing.")
    boolean show;

    @Override
    public Integer call() {
        ConfigFile file = config.file();
        AppConfig cfg = file.read();
        PrintWriter out = spec.commandLine().getOut();
        OptionsPortfolio next = null;
        if (!mode.strip().equalsIgnoreCase("off")) {
            OptionsPortfolio was = cfg.portfolio();
            List<PortfolioAsset> list = new ArrayList<>();
            assets.forEach(a -> list.add(PortfolioAsset.parse(a)));
            if (list.isEmpty()) {
                if (was == null) {
                    throw new IllegalArgumentException("no assets: name each with --asset TICKER:OPTIONS_TICKER:WEIGHT:STRATEGIES:"
                            + "MAX_ALLOC_PCT, like --asset QQQM:QQQ:0.45:dca,wheel:0.50");
                }
                list.addAll(was.symbols());
            }
            next = new OptionsPortfolio(OptionsMode.parse(mode), weeklyDca != null ? weeklyDca : was != null ? was.weeklyDcaTotal() : 100,
                    share != null ? share : was != null ? was.capitalShare() : 1.0, list);
            List<ConfigProblem> own = next.problems();
            if (!own.isEmpty()) {
                throw new IllegalArgumentException("not saved: " + own.get(0).text() + (own.size() > 1 ? " (and " + (own.size() - 1)
                        + " more)" : ""));
            }
        }
        AppConfig result = cfg.withPortfolio(next);
        List<ConfigProblem> problems = ConfigValidator.check(result);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("not saved: " + problems.get(0).text() + (problems.size() > 1 ? " (and "
                    + (problems.size() - 1) + " more)" : "") + "; fix: " + problems.get(0).fix());
        }
        out.println(next == null ? "options mode: off (dca, wheel, covered-call, spreads and condor removed)" : next.describe());
        for (StrategySettings s : result.strategies()) {
            if (OptionsPortfolio.STRATEGIES.contains(s.strategyId())) {
                out.println(String.format(Locale.ROOT, "  %-12s %6.2f%%  %s", s.strategyId(), s.capitalShare() * 100,
                        new java.util.TreeMap<>(s.parameters())));
            }
        }
        if (show) {
            out.println("(--show: nothing saved)");
        } else {
            file.save(result);
            out.println("saved in " + file.path() + "; now: " + ConfigCommand.summary(result));
        }
        out.flush();
        return 0;
    }
}

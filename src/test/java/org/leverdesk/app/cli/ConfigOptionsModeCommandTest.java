package org.leverdesk.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.config.AppConfig;
import org.leverdesk.config.ConfigFile;
import org.leverdesk.config.OptionsMode;
import org.leverdesk.config.StrategySettings;

/** {@code leverdesk config options-mode}: a mode and its assets chosen without the window, expanded visibly, checked first. */
class ConfigOptionsModeCommandTest {
    @TempDir
    Path dir;

    private Path config() {
        return dir.resolve("etc/config.json");
    }

    private CliRun run(String... args) {
        CliRun cli = new CliRun();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--config", config().toString()));
        cli.run(all.toArray(String[]::new));
        return cli;
    }

    @Test
    void aModeIsChosenExpandedAndSavedAndAModeChangeKeepsTheAssets() {
        CliRun on = run("config", "options-mode", "balanced", "--asset", "QQQM:QQQ:0.45:dca,wheel:0.50", "--asset", "VTI:VTI:0.25:dca:0.35");
        assertEquals(0, on.code, on.err.toString());
        List<String> out = on.out.toString().lines().toList();
        assertEquals("balanced: dca 40% (QQQM $45/week, VTI $25/week), wheel 60% (QQQM, options on QQQ)", out.get(0));
        assertEquals("  dca           40.00%  {symbol=QQQM, weeklyAmount=70, weights=QQQM:0.45,VTI:0.25}", out.get(1));
        assertEquals("  wheel         60.00%  {optionsTicker=QQQ, symbol=QQQM}", out.get(2));
        assertTrue(out.get(3).startsWith("saved in " + config() + "; now: broker paper; enabled: dca 40% (close-10m), wheel 60%")
                && out.get(3).endsWith("; options mode balanced"),
                out.get(3));
        AppConfig cfg = new ConfigFile(config()).load();
        assertEquals(OptionsMode.BALANCED, cfg.portfolio().mode());
        assertEquals(List.of("dca", "wheel"), cfg.strategies().stream().map(StrategySettings::strategyId).toList());

        // the mode alone: the assets stay; VTI lists only dca, QQQM its own strategies
        CliRun conservative = run("config", "options-mode", "conservative");
        assertEquals(2, conservative.code, "QQQM still lists the wheel, which conservative has not");
        assertEquals("error: not saved: portfolio.symbols[0].strategies: wheel is not part of the conservative mode (dca,"
                + " covered-call); choose another mode or remove it", conservative.err.toString().strip());
        assertEquals(OptionsMode.BALANCED, new ConfigFile(config()).load().portfolio().mode(), "nothing written");

        CliRun show = run("config", "options-mode", "enhanced", "--show");
        assertEquals(0, show.code, show.err.toString());
        assertTrue(show.out.toString().contains("(--show: nothing saved)"));
        assertEquals(OptionsMode.BALANCED, new ConfigFile(config()).load().portfolio().mode(), "--show writes nothing");

        CliRun off = run("config", "options-mode", "off");
        assertEquals(0, off.code, off.err.toString());
        AppConfig none = new ConfigFile(config()).load();
        assertEquals(null, none.portfolio());
        assertTrue(none.strategies().isEmpty());
    }

    @Test
    void badAssetsAreOneLineErrorsAndNothingIsWritten() {
        CliRun bad = run("config", "options-mode", "balanced", "--asset", "QQQM:QQQ:0.8:dca,wheel:0.50", "--asset", "VTI:VTI:0.3:dca:0.35");
        assertEquals(2, bad.code);
        assertEquals("error: not saved: portfolio.symbols: the DCA weights add up to 1.1; they must add up to at most 1",
                bad.err.toString().strip());
        assertFalse(Files.exists(config()), "nothing written");
        CliRun noAssets = run("config", "options-mode", "enhanced");
        assertEquals(2, noAssets.code);
        assertTrue(noAssets.err.toString().startsWith("error: no assets: name each with --asset"), noAssets.err.toString());
    }
}

package org.leverdesk.strategy.rotation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortfolioManagerTest {
    private static final TickerGroups GROUPS = TickerGroups.defaults();

    private static Map<Sleeve, RotationAnalysis.SleeveResult> navs(double[] buyHold, double[] tactical, double[] spec, double[] asym) {
        Map<Sleeve, RotationAnalysis.SleeveResult> m = new EnumMap<>(Sleeve.class);
        m.put(Sleeve.BUY_HOLD, result(Sleeve.BUY_HOLD, buyHold));
        m.put(Sleeve.TACTICAL, result(Sleeve.TACTICAL, tactical));
        m.put(Sleeve.SPEC, result(Sleeve.SPEC, spec));
        m.put(Sleeve.ASYM, result(Sleeve.ASYM, asym));
        return m;
    }

    /** Drawdown from the peak and 5-day momentum computed by hand from the NAV path. */
    private static RotationAnalysis.SleeveResult result(Sleeve s, double[] nav) {
        double peak = 0;
        for (double v : nav) {
            peak = Math.max(peak, v);
        }
        double last = nav[nav.length - 1];
        return new RotationAnalysis.SleeveResult(s, nav, List.of(), 1 - last / peak, last / nav[nav.length - 6] - 1);
    }

    private static PortfolioManager manager(RotationConfig.Selection sel, RotationConfig.Fallback fb) {
        return new PortfolioManager(RotationFixtures.config(GROUPS, 3, sel, fb, ProfitTaker.OFF));
    }

    // SPEC ends highest (130k) but fell from 135k; ASYM ends at 120k after rising 20% in the last 5 days.
    private static final double[] BH = {100, 101, 102, 103, 104, 105, 106};
    private static final double[] TAC = {100, 100, 100, 100, 100, 100, 100};
    private static final double[] SPEC = {100, 120, 135, 134, 133, 131, 130};
    private static final double[] ASYM = {100, 100, 100, 105, 110, 115, 120};

    @Test
    void navRuleFollowsTheSleeveWithTheHighestNav() {
        PortfolioManager.Choice c = manager(RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD)
                .choose(navs(BH, TAC, SPEC, ASYM));
        assertEquals(Sleeve.SPEC, c.sleeve());
        assertTrue(c.why().startsWith("SPEC has the highest NAV (BUY_HOLD $106, TACTICAL $100, SPEC $130, ASYM $120)"), c.why());
    }

    @Test
    void momentumRuleFollowsTheBiggestNavChangeOverTheLookback() {
        // 5-day momentum: BH 106/101-1 = 4.95%, TAC 0, SPEC 130/120-1 = 8.3%, ASYM 120/100-1 = 20%
        PortfolioManager.Choice c = manager(RotationConfig.Selection.MOMENTUM, RotationConfig.Fallback.BUY_HOLD)
                .choose(navs(BH, TAC, SPEC, ASYM));
        assertEquals(Sleeve.ASYM, c.sleeve());
        assertTrue(c.why().contains("5-day NAV momentum (BUY_HOLD 5.0%, TACTICAL 0.0%, SPEC 8.3%, ASYM 20.0%)"), c.why());
    }

    @Test
    void drawdownBeyondTheLimitMovesToBuyHold() {
        double[] crashed = {100, 150, 160, 150, 145, 143, 140}; // 140/160 = 12.5% below the peak, still the highest NAV
        PortfolioManager.Choice c = manager(RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD)
                .choose(navs(BH, TAC, crashed, ASYM));
        assertEquals(Sleeve.BUY_HOLD, c.sleeve());
        assertTrue(c.why().endsWith("its drawdown 12.5% from its peak exceeds 10.0%, so the manager moves to BUY_HOLD"), c.why());
    }

    @Test
    void drawdownWithCashFallbackHoldsCash() {
        double[] crashed = {100, 150, 160, 150, 145, 143, 140};
        PortfolioManager.Choice c = manager(RotationConfig.Selection.NAV, RotationConfig.Fallback.CASH)
                .choose(navs(BH, TAC, crashed, ASYM));
        assertNull(c.sleeve());
        assertTrue(c.why().endsWith("so the manager holds cash"), c.why());
    }

    @Test
    void drawdownAtTheLimitIsNotASwitch() {
        double[] atLimit = {100, 150, 160, 150, 145, 143, 144}; // exactly 10% below the peak
        assertEquals(Sleeve.SPEC, manager(RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD)
                .choose(navs(BH, TAC, atLimit, ASYM)).sleeve());
    }

    @Test
    void tiesGoToTheEarlierSleeve() {
        assertEquals(Sleeve.BUY_HOLD, manager(RotationConfig.Selection.NAV, RotationConfig.Fallback.BUY_HOLD)
                .choose(navs(TAC, TAC, TAC, TAC)).sleeve());
    }
}

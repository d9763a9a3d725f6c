package org.leverdesk.app.cli.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.leverdesk.app.cli.campaign.CampaignFigures.Kind;
import org.leverdesk.testing.ChildJvm.Signal;

/**
 * The checks of a kill campaign (see {@link KillCampaign}), one test each, so a check that cannot pass
 * yet is switched off alone. The campaign runs once for the class; its figures are printed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class KillCampaignChecks {
    @TempDir
    static Path work;
    CampaignFigures figures;

    abstract int cycles();

    abstract long seed();

    /** No epoch starts after this moment; null runs every cycle. */
    java.time.Instant until() {
        return null;
    }

    @BeforeAll
    void runTheCampaign() throws Exception {
        String name = getClass().getSimpleName();
        // -Dleverdesk.campaign.work=DIR keeps every child's log (DIR/epoch-N/cycle-M-*.log) for a look after the run.
        String keep = System.getProperty("leverdesk.campaign.work");
        Path folder = keep == null ? work : java.nio.file.Files.createDirectories(Path.of(keep));
        figures = new KillCampaign(new KillCampaign.Options(seed(), cycles(), 3, 0.4, folder, until(),
                line -> System.out.println(name + ": " + line))).run();
        System.out.println(name + " (seed " + seed() + "):\n" + figures.summary());
    }

    @Test
    void theCampaignKilledRunsDaemonsAndFirstStartsWithBothSignals() {
        if (figures.stoppedAt == null) {
            assertEquals(cycles(), figures.cycles);
        } else {
            assertTrue(figures.cycles > 0 && figures.cycles < cycles(), figures.summary());
        }
        for (Kind kind : Kind.values()) {
            int kills = figures.kills(kind, Signal.KILL) + figures.kills(kind, Signal.TERM);
            assertTrue(kills > 0, "no " + kind + " was killed:\n" + figures.summary());
        }
        for (Signal signal : Signal.values()) {
            int kills = 0;
            for (Kind kind : Kind.values()) {
                kills += figures.kills(kind, signal);
            }
            assertTrue(kills > 0, "no child got " + signal + ":\n" + figures.summary());
        }
        assertTrue(figures.killedWhileRunning >= figures.cycles / 2, "too few kills landed while the child ran:\n" + figures.summary());
        assertTrue(figures.ordersAtTheBroker > 0, "no order reached the broker:\n" + figures.summary());
        assertEquals(0, figures.unsettledBrokers, figures.summary());
    }

    @Test
    void noClientOrderIdHasTwoOrdersAtTheBroker() {
        assertEquals(0, figures.duplicateOrders, figures.summary());
    }

    @Test
    void everyOrderAtTheBrokerIsRecordedInTheStore() {
        assertEquals(0, figures.lostOrderRecords, figures.summary());
    }

    @Test
    void theBrokersPositionsEqualTheStoresFilledOrdersAfterEveryKill() {
        assertEquals(0, figures.positionMismatches - figures.positionMismatchesAfterAFailedSend, figures.summary());
    }

    @Test
    void theBrokersPositionsEqualTheStoresFilledOrdersAfterAFailedSend() {
        assertTrue(figures.cyclesAfterAFailedSend > 0, "no send failed:\n" + figures.summary());
        assertEquals(0, figures.positionMismatchesAfterAFailedSend, figures.summary());
    }

    @Test
    void everyStoreOpensReadsWholeAndRestarts() {
        assertEquals(0, figures.unopenableStores, figures.summary());
        assertEquals(0, figures.damagedStores, figures.summary());
        assertEquals(0, figures.failedRestarts, figures.summary());
    }

    @Test
    void noFirstDayOrderIsLost() {
        assertTrue(figures.firstDayEpochs > 0);
        assertEquals(0, figures.lostFirstDayOrders, figures.summary());
    }
}

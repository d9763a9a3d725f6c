package org.leverdesk.app.cli.campaign;

import org.junit.jupiter.api.Tag;

/**
 * The long kill campaign, run by {@code mvn -Pcampaign verify} only: 500 cycles (or
 * {@code -Dleverdesk.campaign.cycles=N}) on seed {@code -Dleverdesk.campaign.seed=S} (default 2026);
 * {@code -Dleverdesk.campaign.until=2026-12-06T17:05:00Z} starts no epoch after that moment (a shared machine's
 * time budget: the figures then say how many of the planned cycles ran). It prints the figures the README quotes.
 */
@Tag("campaign")
class KillCampaignLongTest extends KillCampaignChecks {
    @Override
    int cycles() {
        return Integer.getInteger("leverdesk.campaign.cycles", 500);
    }

    @Override
    long seed() {
        return Long.getLong("leverdesk.campaign.seed", 2026);
    }

    @Override
    java.time.Instant until() {
        String until = System.getProperty("leverdesk.campaign.until");
        return until == null || until.isBlank() ? null : java.time.Instant.parse(until);
    }
}

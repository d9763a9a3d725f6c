package org.leverdesk.app.cli.campaign;

import org.junit.jupiter.api.Tag;

/**
 * The long kill campaign, run by {@code mvn -Pcampaign verify} only: 500 cycles (or
 * {@code -Dleverdesk.campaign.cycles=N}) on seed {@code -Dleverdesk.campaign.seed=S} (default 2026);
 * it prints the figures the README quotes.
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
}

package org.leverdesk.app.cli.campaign;

/**
 * The short kill campaign that runs with the other tests: 30 cycles (10 data folders, 10 first starts)
 * on a fixed seed. The long one is {@link KillCampaignLongTest} ({@code mvn -Pcampaign verify}).
 */
class KillCampaignTest extends KillCampaignChecks {
    @Override
    int cycles() {
        return 30;
    }

    @Override
    long seed() {
        return 14;
    }
}

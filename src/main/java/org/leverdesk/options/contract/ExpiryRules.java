package org.leverdesk.options.contract;

/**
 * Which expiries are listed on a day: the standard monthly (third Friday) for the next
 * {@code monthlies} months and, when {@code weeklies} is on, every Friday for the next
 * {@code weeklyWeeks} weeks. An expiry that falls on an exchange holiday moves to the previous session.
 *
 * <p>Defaults (8 weeks of weeklies, 12 monthlies) are about what QQQ and SPY list beyond their daily
 * expiries; the Monday-to-Thursday dailies and the LEAPS are not modelled (see the README, Options).
 */
public record ExpiryRules(boolean weeklies, int weeklyWeeks, int monthlies) {
    public static final int DEFAULT_WEEKLY_WEEKS = 8;
    public static final int DEFAULT_MONTHLIES = 12;

    public ExpiryRules {
        if (weeklyWeeks < 0 || weeklyWeeks > 104) {
            throw new IllegalArgumentException("weekly expiries listed must be 0 to 104 weeks (got " + weeklyWeeks + ")");
        }
        if (monthlies < 1 || monthlies > 36) {
            throw new IllegalArgumentException("monthly expiries listed must be 1 to 36 (got " + monthlies + ")");
        }
    }

    /** Weeklies for 8 weeks and 12 monthlies. */
    public static ExpiryRules defaults() {
        return new ExpiryRules(true, DEFAULT_WEEKLY_WEEKS, DEFAULT_MONTHLIES);
    }

    /** Standard monthlies only, as before weeklies existed (Cboe's PUT and BXM roll on them). */
    public static ExpiryRules monthliesOnly() {
        return new ExpiryRules(false, 0, DEFAULT_MONTHLIES);
    }
}

package org.leverdesk.store;

import java.time.Duration;
import java.util.Map;

/**
 * How many backups of the store are kept and how often one is taken while nothing else asks for one.
 * A backup is always taken before a schema upgrade and before a restore, whatever this says.
 *
 * @param kept  backups kept in {@code <data-dir>/backups}; the oldest beyond this are deleted (1 to 1000)
 * @param every the time between periodic backups, taken when the store is opened or while it stays open
 *              once the newest backup is older than this; zero for none
 */
public record BackupPolicy(int kept, Duration every) {
    /** Environment variable with the number of backups kept. */
    public static final String KEPT_VARIABLE = "LEVERDESK_STORE_BACKUPS";
    /** Environment variable with the hours between periodic backups (0: none). */
    public static final String HOURS_VARIABLE = "LEVERDESK_STORE_BACKUP_HOURS";
    static final int DEFAULT_KEPT = 10;
    static final int DEFAULT_HOURS = 24;

    public BackupPolicy {
        if (kept < 1 || kept > 1000) {
            throw new StoreException("the number of store backups to keep must be from 1 to 1000, not " + kept);
        }
        if (every == null || every.isNegative()) {
            throw new StoreException("the time between store backups must be zero or more");
        }
    }

    /** Ten backups, one a day. */
    public static BackupPolicy defaults() {
        return new BackupPolicy(DEFAULT_KEPT, Duration.ofHours(DEFAULT_HOURS));
    }

    /** The policy from {@value #KEPT_VARIABLE} and {@value #HOURS_VARIABLE}, each defaulting when unset. */
    public static BackupPolicy fromEnvironment(Map<String, String> env) {
        int kept = number(env, KEPT_VARIABLE, DEFAULT_KEPT, 1, 1000);
        int hours = number(env, HOURS_VARIABLE, DEFAULT_HOURS, 0, 24 * 366);
        return new BackupPolicy(kept, Duration.ofHours(hours));
    }

    private static int number(Map<String, String> env, String name, int fallback, int min, int max) {
        String text = env.get(name);
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new StoreException(name + "=" + text.strip() + " is not a whole number from " + min + " to " + max
                + "; fix or unset it (default " + fallback + ")");
    }
}

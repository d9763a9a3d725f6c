package org.leverdesk.optionbook;

/**
 * One RiskGuard limit as the Options view shows it: the limit, what uses it now, and whether a new position
 * would pass it.
 *
 * @param name  "daily $ stop", "open risk", …
 * @param limit the limit in words ("$2,000.00", "10.00% of equity")
 * @param use   the current use ("$310.00 lost today"), or why it is not known here
 * @param state how it stands
 */
public record GuardLimit(String name, String limit, String use, State state) {
    /** OK: room left; NEAR: 80% or more used; BLOCKED: a new position would be denied; UNKNOWN: not readable here. */
    public enum State { OK, NEAR, BLOCKED, UNKNOWN }

    /** The state of {@code used} against {@code cap} (a cap of 0 is "off": always OK). */
    public static State of(double used, double cap) {
        if (cap <= 0 || !Double.isFinite(used)) {
            return cap <= 0 ? State.OK : State.UNKNOWN;
        }
        return used >= cap ? State.BLOCKED : used >= 0.8 * cap ? State.NEAR : State.OK;
    }
}

package org.leverdesk.config;

/**
 * What a run does with shares at the broker that no Leverdesk order explains (bought by hand, moved
 * in from another account): {@link #IGNORE} (the default) reports them and leaves them alone, so a
 * strategy trades only the shares its own fills gave it; {@link #ADOPT} lets the strategy that trades
 * the symbol treat them as its own (it may sell them); {@link #BLOCK} stops trading the symbol until a
 * person confirms the count ({@code leverdesk reconcile --accept SYMBOL}).
 */
public enum ExternalPositions {
    IGNORE, ADOPT, BLOCK
}

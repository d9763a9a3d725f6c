package org.leverdesk.config;

/**
 * One thing wrong with a config: the setting it is about (a dotted key as {@code leverdesk config set}
 * and Settings name it, e.g. {@code risk.tolerancePercent} or {@code strategies.regime.parameters}),
 * the one-line problem (which starts with the key), and the command that fixes it.
 */
public record ConfigProblem(String key, String text, String fix) {
    @Override
    public String toString() {
        return text;
    }
}

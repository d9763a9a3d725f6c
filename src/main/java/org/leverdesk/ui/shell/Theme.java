package org.leverdesk.ui.shell;

import atlantafx.base.theme.NordDark;
import atlantafx.base.theme.NordLight;
import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Supplier;

/** The window's themes: AtlantaFX's Primer and Nord, each light and dark (see docs/decisions/0008). */
public enum Theme {
    PRIMER_LIGHT("primer-light", "Light (Primer)", false, () -> new PrimerLight().getUserAgentStylesheet()),
    PRIMER_DARK("primer-dark", "Dark (Primer)", true, () -> new PrimerDark().getUserAgentStylesheet()),
    NORD_LIGHT("nord-light", "Light (Nord)", false, () -> new NordLight().getUserAgentStylesheet()),
    NORD_DARK("nord-dark", "Dark (Nord)", true, () -> new NordDark().getUserAgentStylesheet());

    /** The theme of a fresh install. */
    public static final Theme DEFAULT = PRIMER_LIGHT;

    private final String id;
    private final String label;
    private final boolean dark;
    private final Supplier<String> stylesheet;

    Theme(String id, String label, boolean dark, Supplier<String> stylesheet) {
        this.id = id;
        this.label = label;
        this.dark = dark;
        this.stylesheet = stylesheet;
    }

    public String id() {
        return id;
    }

    public String label() {
        return label;
    }

    public boolean dark() {
        return dark;
    }

    /** AtlantaFX's user-agent stylesheet of this theme. */
    public String userAgentStylesheet() {
        return stylesheet.get();
    }

    /** The theme with {@code id}, if there is one. */
    public static Optional<Theme> byId(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst();
    }
}

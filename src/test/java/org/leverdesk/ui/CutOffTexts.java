package org.leverdesk.ui;

import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ContentDisplay;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;

/**
 * The texts a window shows cut off: every visible label, button, table cell or column header whose
 * drawn text is not its whole text (JavaFX draws "Sym…" or "50.0..." in place of what does not fit).
 */
public final class CutOffTexts {
    private CutOffTexts() {
    }

    /** "drawn ← whole" for each cut-off text under {@code root}; empty when everything fits. Call on the FX thread. */
    public static List<String> under(Node root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Node node, List<String> out) {
        if (!node.isVisible()) {
            return;
        }
        if (node instanceof Labeled l && l.getText() != null && !l.getText().isBlank() && l.getContentDisplay() != ContentDisplay.GRAPHIC_ONLY) {
            for (Node child : l.getChildrenUnmodifiable()) {
                if (child instanceof Text t && t.isVisible() && !t.getText().equals(l.getText())) {
                    out.add("'" + t.getText() + "' instead of '" + l.getText() + "'");
                }
            }
        }
        if (node instanceof Parent p) {
            for (Node child : p.getChildrenUnmodifiable()) {
                collect(child, out);
            }
        }
    }
}

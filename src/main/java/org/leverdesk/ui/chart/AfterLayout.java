package org.leverdesk.ui.chart;

import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;

/**
 * Runs a redraw once after the next layout pulse, however often it is requested before. ChartFX
 * updates an axis' pixel scale while laying out, so a layer that paints in axis coordinates when
 * the range changes would use the old scale; painting after layout uses the new one.
 */
final class AfterLayout {
    private final Node owner;
    private final Runnable action;
    private boolean pending;

    AfterLayout(Node owner, Runnable action) {
        this.owner = owner;
        this.action = action;
    }

    void request() {
        Scene scene = owner.getScene();
        if (scene == null) {
            action.run();
            return;
        }
        if (pending) {
            return;
        }
        pending = true;
        Runnable[] hook = new Runnable[1];
        hook[0] = () -> {
            scene.removePostLayoutPulseListener(hook[0]);
            pending = false;
            action.run();
        };
        scene.addPostLayoutPulseListener(hook[0]);
        Platform.requestNextPulse();
    }
}

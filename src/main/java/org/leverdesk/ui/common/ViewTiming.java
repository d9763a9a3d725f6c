package org.leverdesk.ui.common;

import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Parent;
import javafx.scene.Scene;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs how long a view took to open: from the start of building it to the end of the first layout
 * pulse after it is in a window ("Regime view open in 180 ms"), so "every view opens in under a
 * second" can be checked in {@code logs/leverdesk.log} rather than believed. The line also gives the
 * JavaFX thread's own CPU time over that span ("… in 900 ms, 310 ms of it CPU on the JavaFX thread"):
 * on a shared, loaded machine the wall time mostly measures waiting for a core, the CPU time what
 * the opening itself costs.
 */
public final class ViewTiming {
    private static final Logger LOG = LoggerFactory.getLogger(ViewTiming.class);

    private ViewTiming() {
    }

    /** Logs once, after the first layout pulse that has {@code root} in a scene; {@code started} is System.nanoTime(). */
    public static void logWhenShown(String view, Parent root, long started) {
        logWhenShown(view, root, started, threadCpuNanos());
    }

    /** Like {@link #logWhenShown(String, Parent, long)}; {@code startedCpu} is {@link #threadCpuNanos()} when building began. */
    public static void logWhenShown(String view, Parent root, long started, long startedCpu) {
        logWhenShown(view + " view open", "", root, started, startedCpu);
    }

    /**
     * Logs "{@code what} in N ms, M ms of it CPU on the JavaFX thread{@code note}" once, after the first layout
     * pulse that has {@code root} in a scene ({@code what} is e.g. "Chart view open" or "Chart view prepared").
     */
    public static void logWhenShown(String what, String note, Parent root, long started, long startedCpu) {
        Runnable[] hook = new Runnable[1];
        ChangeListener<Scene> onScene = new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Scene> o, Scene was, Scene scene) {
                if (scene == null) {
                    return;
                }
                root.sceneProperty().removeListener(this);
                hook[0] = () -> {
                    scene.removePostLayoutPulseListener(hook[0]);
                    long cpu = threadCpuNanos();
                    if (cpu < 0 || startedCpu < 0) {
                        LOG.info("{} in {} ms{}", what, (System.nanoTime() - started) / 1_000_000, note);
                    } else {
                        LOG.info("{} in {} ms, {} ms of it CPU on the JavaFX thread{}", what,
                                (System.nanoTime() - started) / 1_000_000, (cpu - startedCpu) / 1_000_000, note);
                    }
                };
                scene.addPostLayoutPulseListener(hook[0]);
            }
        };
        if (root.getScene() != null) {
            onScene.changed(null, null, root.getScene());
        } else {
            root.sceneProperty().addListener(onScene);
        }
    }

    /** The calling thread's CPU time in ns, or -1 when the JVM does not measure it. */
    public static long threadCpuNanos() {
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        return threads.isCurrentThreadCpuTimeSupported() ? threads.getCurrentThreadCpuTime() : -1;
    }
}

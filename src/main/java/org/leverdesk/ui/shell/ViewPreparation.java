package org.leverdesk.ui.shell;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import javafx.animation.PauseTransition;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds the views the user has not opened yet, one at a time on the JavaFX thread, after the window is
 * up and the background class loading ({@link ClassWarmup}) is done, so a view's first opening only
 * attaches a ready, styled and laid-out view (issue #18: every view opens in under 1 s). Between two
 * views the thread is left alone for {@link #GAP}, so a click or key press waits for one view's
 * building at most. The heaviest views come first (measured in the README, "How long each view takes
 * to open"); their cost in resident memory is measured there too. Decision record 0034.
 */
final class ViewPreparation {
    /**
     * The views prepared: the Backtest view, whose first opening costs the JavaFX thread most (0.7–0.9 s of CPU,
     * 4.6 s of wall time at load 9–14; measured in the README). Chart and Research were prepared too at first,
     * but they keep their data from the start and took the window to 404–431 MB after 20 backtests against
     * 359–375 MB without them (the < 400 MB target), while built at opening they open in 0.6–0.7 s at load 4–6;
     * every other view costs under 0.35 s. Decision record 0034.
     */
    static final List<String> ORDER = List.of("Backtest");
    /** The JavaFX thread's rest between two views. */
    static final Duration GAP = Duration.millis(250);

    private static final Logger LOG = LoggerFactory.getLogger(ViewPreparation.class);

    private ViewPreparation() {
    }

    /**
     * Prepares {@code views} (titles, in order) not built yet, each kept until {@code settled} (its data loaded:
     * the executor has handed every result back); must run on the JavaFX thread.
     */
    static void start(MainView view, BooleanSupplier settled, List<String> views) {
        List<String> todo = new ArrayList<>(views);
        todo.retainAll(view.unbuilt());
        next(view, settled, todo, todo.size(), System.nanoTime());
    }

    /**
     * The views to prepare for {@code -Dleverdesk.prepareViews}: {@link #ORDER} when it is not set (or "true"), none
     * for "false" (each view built when first opened, to compare), else its comma-separated titles (to measure what
     * each one costs).
     */
    static List<String> chosen(String property) {
        if (property == null || property.isBlank() || property.strip().equals("true")) {
            return ORDER;
        }
        if (property.strip().equals("false")) {
            return List.of();
        }
        return java.util.Arrays.stream(property.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }

    /** This process's resident memory in MB from /proc (Linux), or -1. */
    static long residentMegabytes() {
        try {
            for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
                }
            }
        } catch (java.io.IOException | RuntimeException e) {
            // not Linux: the figure is only for the log
        }
        return -1;
    }

    private static void next(MainView view, BooleanSupplier settled, List<String> todo, int views, long started) {
        if (todo.isEmpty()) {
            LOG.info("{} views prepared in idle time in {} ms", views, (System.nanoTime() - started) / 1_000_000);
            return;
        }
        String title = todo.remove(0);
        view.prepare(title, settled, () -> {
            // what each prepared view costs in memory, read off the log (decision record 0034)
            LOG.info("{} view ready, resident memory {} MB", title, residentMegabytes());
            PauseTransition rest = new PauseTransition(GAP);
            rest.setOnFinished(e -> next(view, settled, todo, views, started));
            rest.play();
        });
    }
}

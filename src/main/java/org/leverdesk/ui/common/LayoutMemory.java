package org.leverdesk.ui.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import javafx.animation.PauseTransition;
import javafx.scene.control.SplitPane;
import javafx.util.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Remembers how the user arranged the window (split positions, a collapsed panel) in
 * {@code ui-layout.properties} beside the config file, so the next start looks the same. Not
 * {@code java.util.prefs}: that writes below the home folder, which tests must never touch, and a
 * file beside the config is where a user looks for it. Changes are written half a second after the
 * last one (dragging a divider changes it continuously), atomically; a file that cannot be read or
 * written only costs the remembered layout, with a warning in the log.
 */
public final class LayoutMemory {
    /** The file name beside {@code config.json}. */
    public static final String FILE_NAME = "ui-layout.properties";
    private static final Logger LOG = LoggerFactory.getLogger(LayoutMemory.class);

    private final Path file;
    private final Properties values = new Properties();
    private PauseTransition pendingSave;

    private LayoutMemory(Path file) {
        this.file = file;
        if (file != null && Files.isRegularFile(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                values.load(in);
            } catch (IOException | IllegalArgumentException e) {
                LOG.warn("window layout in {} not read ({}); starting with the default layout", file, e.getMessage());
            }
        }
    }

    /** A memory kept in {@code file} (read now if it exists). */
    public static LayoutMemory in(Path file) {
        return new LayoutMemory(file);
    }

    /** A memory beside {@code configFile} ({@value #FILE_NAME}); in memory only when {@code configFile} is null. */
    public static LayoutMemory besideConfig(Path configFile) {
        return new LayoutMemory(configFile == null ? null : configFile.resolveSibling(FILE_NAME));
    }

    /** A memory that forgets when the window closes (no config folder, tests). */
    public static LayoutMemory none() {
        return new LayoutMemory(null);
    }

    /** The number stored under {@code key}, or {@code fallback}. */
    public double number(String key, double fallback) {
        try {
            String v = values.getProperty(key);
            return v == null ? fallback : Double.parseDouble(v);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    /** The flag stored under {@code key}, or {@code fallback}. */
    public boolean flag(String key, boolean fallback) {
        String v = values.getProperty(key);
        return v == null ? fallback : Boolean.parseBoolean(v);
    }

    public void put(String key, double value) {
        set(key, Double.toString(value));
    }

    public void put(String key, boolean value) {
        set(key, Boolean.toString(value));
    }

    /**
     * Restores divider {@code index} of {@code split} from {@code key} (or leaves it) and remembers
     * every later move of it.
     */
    public void remember(SplitPane split, int index, String key) {
        SplitPane.Divider divider = split.getDividers().get(index);
        double saved = number(key, Double.NaN);
        if (saved > 0 && saved < 1) {
            divider.setPosition(saved);
        }
        divider.positionProperty().addListener((o, a, b) -> put(key, b.doubleValue()));
    }

    private void set(String key, String value) {
        if (value.equals(values.getProperty(key))) {
            return;
        }
        values.setProperty(key, value);
        if (file == null) {
            return;
        }
        if (!javafx.application.Platform.isFxApplicationThread()) {
            save(); // no UI thread to wait on (tests, tools): write now
            return;
        }
        if (pendingSave == null) {
            pendingSave = new PauseTransition(Duration.millis(500));
            pendingSave.setOnFinished(e -> save());
        }
        pendingSave.playFromStart();
    }

    /**
     * Writes a change still waiting for its half second now. Called when the window hides: a divider
     * moved just before quitting is kept, and nothing writes into the folder after the window is gone
     * (a test's temporary folder was being deleted while a late save recreated it).
     */
    public void flush() {
        if (pendingSave != null && pendingSave.getStatus() == javafx.animation.Animation.Status.RUNNING) {
            pendingSave.stop();
            save();
        }
    }

    /** Flushes (see {@link #flush()}) when the window that shows {@code node} hides, or {@code node} leaves it. */
    public void flushWhenHidden(javafx.scene.Node node) {
        node.sceneProperty().flatMap(javafx.scene.Scene::windowProperty).flatMap(javafx.stage.Window::showingProperty)
                .addListener((o, wasShowing, showing) -> {
                    if (Boolean.TRUE.equals(wasShowing) && !Boolean.TRUE.equals(showing)) {
                        flush();
                    }
                });
    }

    /** Writes the file now (normally done half a second after the last change). */
    public void save() {
        if (file == null) {
            return;
        }
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                values.store(out, "Leverdesk window layout (split positions, panels); safe to delete");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("window layout not saved to {}: {}", file, e.getMessage());
        }
    }
}

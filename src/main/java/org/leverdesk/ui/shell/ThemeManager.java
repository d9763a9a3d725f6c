package org.leverdesk.ui.shell;

import eu.hansolo.tilesfx.Tile;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.paint.Color;
import org.leverdesk.strategy.catalog.Choice;
import org.leverdesk.ui.common.Appearance;
import org.slf4j.LoggerFactory;

/**
 * Applies a {@link Theme} to the whole application: AtlantaFX's stylesheet as the user-agent
 * stylesheet (every control, every dialog), the style classes Leverdesk's own stylesheet keys its
 * colours on ({@code atlantafx}, {@code theme-dark}) on each window's root, chartfx's panes through
 * that stylesheet, and TilesFX tiles (coloured in code, so re-coloured here). The choice is kept in
 * {@code appearance.properties} beside the config file.
 */
public final class ThemeManager implements Appearance {
    /** The stylesheet with the form, watchlist, ticket and theme rules. */
    public static final String STYLESHEET = ThemeManager.class.getResource("/org/leverdesk/ui/workstation.css").toExternalForm();
    static final String FILE_NAME = "appearance.properties";
    private static final String KEY = "theme";
    /** The neutral tile colours the app uses in code (Orders/Dashboard tiles, TilesFX's default). */
    private static final List<Color> NEUTRAL_TILES = List.of(Color.web("#2a3342"), Color.web("#2a2a2a"));

    private final Path file;
    private final List<Scene> scenes = new ArrayList<>();
    /**
     * Dialogs (Close all, the shortcuts, confirmations) copy their owner's stylesheets but not its root's classes,
     * so in the dark theme they drew the light theme's background under the dark theme's light text: each window
     * shown with Leverdesk's stylesheets wears the theme's classes too.
     */
    private final javafx.collections.ListChangeListener<javafx.stage.Window> dialogs = c -> {
        while (c.next()) {
            c.getAddedSubList().forEach(this::dress);
        }
    };
    private boolean followingDialogs;
    private Theme current;

    /** @param folder where the choice is kept; null keeps it for this run only */
    public ThemeManager(Path folder) {
        this.file = folder == null ? null : folder.resolve(FILE_NAME);
        this.current = load();
    }

    public Theme theme() {
        return current;
    }

    @Override
    public List<Choice> themes() {
        return Arrays.stream(Theme.values()).map(t -> new Choice(t.id(), t.label())).toList();
    }

    @Override
    public String current() {
        return current.id();
    }

    @Override
    public void apply(String id) {
        Theme theme = Theme.byId(id).orElseThrow(() -> new IllegalArgumentException("no theme '" + id + "'; known: "
                + String.join(", ", themes().stream().map(Choice::value).toList())));
        current = theme;
        save();
        applyNow();
    }

    /** Sets the stylesheet and restyles every registered window. */
    public void applyNow() {
        Application.setUserAgentStylesheet(current.userAgentStylesheet());
        scenes.forEach(this::style);
        if (followingDialogs) {
            List.copyOf(javafx.stage.Window.getWindows()).forEach(this::dress);
        }
    }

    /** Themes {@code window} when it is one of Leverdesk's own (its scene has Leverdesk's stylesheets) and not registered. */
    private void dress(javafx.stage.Window window) {
        Scene scene = window.getScene();
        if (scene != null && !scenes.contains(scene)
                && (scene.getStylesheets().contains(STYLESHEET) || scene.getStylesheets().contains(MainWindow.STYLESHEET))) {
            style(scene);
        }
    }

    /** Themes {@code scene} now and on every later switch. */
    public void register(Scene scene) {
        if (!scenes.contains(scene)) {
            scenes.add(scene);
        }
        if (!followingDialogs) {
            followingDialogs = true;
            javafx.stage.Window.getWindows().addListener(new javafx.collections.WeakListChangeListener<>(dialogs));
        }
        if (!scene.getStylesheets().contains(STYLESHEET)) {
            scene.getStylesheets().add(STYLESHEET);
        }
        style(scene);
        scene.rootProperty().addListener((obs, old, now) -> style(scene));
    }

    /** Re-colours the tiles under {@code node} (views are built when first shown). */
    public void styleTiles(Node node) {
        Color bg = current.dark() ? Color.web("#1c2128") : Color.web("#2a3342");
        if (node instanceof Tile tile) {
            if (NEUTRAL_TILES.contains(tile.getBackgroundColor()) || tile.getBackgroundColor().equals(Color.web("#1c2128"))) {
                tile.setBackgroundColor(bg);
            }
        }
        if (node instanceof Parent parent) {
            parent.getChildrenUnmodifiable().forEach(this::styleTiles);
        }
    }

    private void style(Scene scene) {
        Parent root = scene.getRoot();
        if (root == null) {
            return;
        }
        if (!root.getStyleClass().contains("atlantafx")) {
            root.getStyleClass().add("atlantafx");
        }
        root.getStyleClass().removeAll("theme-dark", "theme-light");
        root.getStyleClass().add(current.dark() ? "theme-dark" : "theme-light");
        styleTiles(root);
    }

    private Theme load() {
        if (file == null || !Files.isRegularFile(file)) {
            return Theme.DEFAULT;
        }
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(file)) {
            p.load(in);
        } catch (IOException e) {
            LoggerFactory.getLogger(ThemeManager.class).warn("cannot read {}: {}; using the default theme", file, e.getMessage());
            return Theme.DEFAULT;
        }
        return Theme.byId(p.getProperty(KEY, "")).orElse(Theme.DEFAULT);
    }

    private void save() {
        if (file == null) {
            return;
        }
        Properties p = new Properties();
        p.setProperty(KEY, current.id());
        try {
            Files.createDirectories(file.getParent());
            Path tmp = file.resolveSibling(FILE_NAME + ".tmp");
            try (OutputStream out = Files.newOutputStream(tmp)) {
                p.store(out, "Leverdesk appearance");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            // the theme still applies for this run; only remembering it failed
            LoggerFactory.getLogger(ThemeManager.class).warn("cannot save the theme to {}: {}", file, e.getMessage());
        }
    }
}

package org.leverdesk.ui.shell;

import java.io.IOException;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the classes the views will need on a low-priority background thread once the window is up,
 * so a view's first opening does not stop the JavaFX thread to read, parse and define hundreds of
 * classes (the app's views, chartfx, TilesFX, JavaFX's control skins). Classes are only loaded, never
 * initialised: no static initialiser of a library runs off the JavaFX thread (one that failed there
 * would leave its class unusable), and nothing is built. Measured in the README ("How long each view
 * takes to open").
 */
final class ClassWarmup {
    private static final Logger LOG = LoggerFactory.getLogger(ClassWarmup.class);

    /** A group of classes: those under {@code prefix} ('/'-separated) beside {@code anchor}. */
    record Group(Class<?> anchor, String prefix) {
    }

    /** What the views use: our own views, the charts, the tiles (not their dozens of unused skins), the control skins. */
    static List<Group> views() {
        return List.of(
                new Group(ClassWarmup.class, "org/leverdesk/ui/"),
                new Group(io.fair_acc.chartfx.XYChart.class, "io/fair_acc/chartfx/"),
                new Group(eu.hansolo.tilesfx.Tile.class, "eu/hansolo/tilesfx/Tile"),
                new Group(javafx.scene.control.Control.class, "javafx/scene/control/"),
                new Group(javafx.scene.control.Control.class, "com/sun/javafx/scene/control/"),
                new Group(javafx.fxml.FXMLLoader.class, "javafx/fxml/"),
                new Group(javafx.fxml.FXMLLoader.class, "com/sun/javafx/fxml/"));
    }

    private ClassWarmup() {
    }

    /** Starts loading {@code groups} after {@code delayMillis} (the window's own start first) on a daemon thread; returns the thread. */
    static Thread start(List<Group> groups, long delayMillis) {
        return start(groups, delayMillis, () -> { });
    }

    /** Like {@link #start(List, long)}; {@code then} runs on that thread after the loading. */
    static Thread start(List<Group> groups, long delayMillis, Runnable then) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delayMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            run(groups);
            then.run();
        }, "leverdesk-class-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return t;
    }

    /** Loads every class of {@code groups}; returns how many were loaded. */
    static int run(List<Group> groups) {
        long started = System.nanoTime();
        int loaded = 0;
        for (Group g : groups) {
            for (String name : classNames(g)) {
                try {
                    Class.forName(name, false, g.anchor().getClassLoader());
                    loaded++;
                } catch (ClassNotFoundException | LinkageError e) {
                    // an optional dependency's class (e.g. a chartfx plugin's): the view does not use it either
                }
            }
        }
        LOG.info("{} classes of the views loaded in the background in {} ms", loaded, (System.nanoTime() - started) / 1_000_000);
        return loaded;
    }

    /** The binary names of the classes under {@code g.prefix()} in the module, jar or folder {@code g.anchor()} comes from. */
    static List<String> classNames(Group g) {
        List<String> entries = new ArrayList<>();
        try {
            Module module = g.anchor().getModule();
            Optional<ModuleReference> ref = module.isNamed() && module.getLayer() != null
                    ? module.getLayer().configuration().findModule(module.getName()).map(m -> m.reference())
                    : Optional.empty();
            if (ref.isPresent()) {
                try (ModuleReader reader = ref.get().open(); Stream<String> names = reader.list()) {
                    names.forEach(entries::add);
                }
            } else if (g.anchor().getProtectionDomain().getCodeSource() != null) {
                Path source = Path.of(g.anchor().getProtectionDomain().getCodeSource().getLocation().toURI());
                if (Files.isDirectory(source)) {
                    try (Stream<Path> files = Files.walk(source)) {
                        files.forEach(f -> entries.add(source.relativize(f).toString().replace('\\', '/')));
                    }
                } else {
                    try (JarFile jar = new JarFile(source.toFile())) {
                        jar.stream().forEach(e -> entries.add(e.getName()));
                    }
                }
            }
        } catch (IOException | URISyntaxException | RuntimeException e) {
            LOG.debug("classes beside {} not listed: {}", g.anchor().getName(), e.toString());
            return List.of();
        }
        return entries.stream()
                .filter(e -> e.startsWith(g.prefix()) && e.endsWith(".class") && !e.endsWith("module-info.class")
                        && !e.startsWith("META-INF/"))
                .map(e -> e.substring(0, e.length() - ".class".length()).replace('/', '.'))
                .toList();
    }
}

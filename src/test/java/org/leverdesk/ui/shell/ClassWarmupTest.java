package org.leverdesk.ui.shell;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassWarmupTest {
    @Test
    void listsTheViewsChartsTilesAndSkinsFromFoldersJarsAndModules() {
        List<ClassWarmup.Group> groups = ClassWarmup.views();
        List<String> ours = ClassWarmup.classNames(groups.get(0));
        assertTrue(ours.contains("org.leverdesk.ui.settings.SettingsView"), "our views, from target/classes or the jar");
        assertTrue(ClassWarmup.classNames(groups.get(1)).contains("io.fair_acc.chartfx.XYChart"), "chartfx from its jar");
        assertTrue(ClassWarmup.classNames(groups.get(2)).stream().allMatch(n -> n.startsWith("eu.hansolo.tilesfx.Tile")),
                "the tiles, not their unused skins");
        assertTrue(ClassWarmup.classNames(groups.get(3)).contains("javafx.scene.control.skin.TableViewSkin"), "JavaFX's skins");
    }

    @Test
    void loadsWithoutInitialising() {
        // a class whose static initialiser would say so: loading must not run it
        int loaded = ClassWarmup.run(List.of(new ClassWarmup.Group(ClassWarmupTest.class, "org/leverdesk/ui/shell/ClassWarmupTest$")));
        assertTrue(loaded >= 1);
        assertTrue(!probeInitialised, "loaded, not initialised");
    }

    /** Set by {@link Probe}'s static initialiser; read here without touching Probe. */
    static volatile boolean probeInitialised;

    static final class Probe {
        static {
            probeInitialised = true;
        }
    }
}

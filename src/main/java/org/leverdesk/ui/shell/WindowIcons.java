package org.leverdesk.ui.shell;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/** The Leverdesk icon at the sizes desktops pick from (the installer's PNGs), for window title bars and task bars. */
public final class WindowIcons {
    /** The sizes shipped in {@code /org/leverdesk/ui/icons}. */
    public static final List<Integer> SIZES = List.of(16, 32, 48, 64, 128, 256);
    private static volatile List<Image> icons;

    private WindowIcons() {
    }

    /** The icons, loaded once. */
    public static List<Image> icons() {
        List<Image> loaded = icons;
        if (loaded == null) {
            List<Image> out = new ArrayList<>();
            for (int size : SIZES) {
                try (InputStream in = WindowIcons.class.getResourceAsStream("/org/leverdesk/ui/icons/leverdesk-" + size + ".png")) {
                    if (in != null) {
                        out.add(new Image(in));
                    }
                } catch (java.io.IOException e) {
                    // a missing icon only costs the title bar its picture
                }
            }
            loaded = List.copyOf(out);
            icons = loaded;
        }
        return loaded;
    }

    /** Gives {@code stage} the Leverdesk icon. */
    public static void apply(Stage stage) {
        stage.getIcons().setAll(icons());
    }
}

package org.leverdesk.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;

/**
 * Writes PNG pictures of nodes for people to look at (CI artefacts, reviews). Uses
 * {@code Node.snapshot} and ImageIO, so it needs no javafx-swing and works under Monocle.
 */
public final class Snapshots {
    private Snapshots() {
    }

    /** The folder pictures go to: {@code leverdesk.snapshot.dir}, else target/snapshots. */
    public static Path directory() {
        return Path.of(System.getProperty("leverdesk.snapshot.dir", "target/snapshots"));
    }

    /** Writes {@code node} as {@code <directory>/<fileName>} and returns the file; call from any thread. */
    public static Path write(Node node, String fileName) {
        WritableImage image = onFxThread(() -> node.snapshot(null, null));
        BufferedImage picture = new BufferedImage((int) image.getWidth(), (int) image.getHeight(), BufferedImage.TYPE_INT_ARGB);
        PixelReader pixels = image.getPixelReader();
        int[] row = new int[picture.getWidth()];
        for (int y = 0; y < picture.getHeight(); y++) {
            pixels.getPixels(0, y, row.length, 1, javafx.scene.image.PixelFormat.getIntArgbInstance(), row, 0, row.length);
            picture.setRGB(0, y, row.length, 1, row, 0, row.length);
        }
        try {
            Path file = directory().resolve(fileName);
            Files.createDirectories(file.getParent());
            ImageIO.write(picture, "png", file.toFile());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write snapshot " + fileName + ": " + e.getMessage(), e);
        }
    }

    private static <T> T onFxThread(java.util.function.Supplier<T> action) {
        if (Platform.isFxApplicationThread()) {
            return action.get();
        }
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(action.get());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking a snapshot", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("snapshot failed: " + e, e);
        }
    }
}

package dev.pilothouse.desktop;

import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.scene.Scene;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Takes the {@code --screenshot}: waits until the view reports its data synced (or a timeout), lets a few frames
 * render so layout and CSS settle, writes the window as a PNG, and reports the outcome.
 */
public final class Screenshot {

    private Screenshot() {
    }

    /**
     * @param settleFrames frames to wait after the view is ready
     * @param done         called with (exit status, one-line message) when finished
     */
    static void takeWhenReady(Scene scene, Supplier<ReadOnlyBooleanProperty> ready, Path file, Duration timeout,
                              int settleFrames, BiConsumer<Integer, String> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        new AnimationTimer() {
            private int settled;

            @Override
            public void handle(long now) {
                boolean isReady = ready.get().get();
                boolean late = now > deadline;
                if (!isReady && !late) {
                    settled = 0;
                    return;
                }
                // A few frames for layout and CSS; more when a detail pane loads its own data (--open).
                if (++settled < settleFrames) {
                    return;
                }
                stop();
                try {
                    write(scene.snapshot(null), file);
                    done.accept(isReady ? 0 : 1, isReady ? "wrote " + file
                            : "wrote " + file + ", but the view had not finished loading after " + timeout.toSeconds() + " s");
                } catch (IOException | RuntimeException e) {
                    done.accept(1, "could not write " + file + ": " + e.getMessage());
                }
            }
        }.start();
    }

    /** Writes an image as a PNG, creating the directory. */
    public static void write(WritableImage image, Path file) throws IOException {
        int w = (int) image.getWidth();
        int h = (int) image.getHeight();
        int[] argb = new int[w * h];
        image.getPixelReader().getPixels(0, 0, w, h, PixelFormat.getIntArgbInstance(), argb, 0, w);
        BufferedImage out = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, w, h, argb, 0, w);
        Path parent = file.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        if (!ImageIO.write(out, "png", file.toFile())) {
            throw new IOException("no PNG writer available");
        }
    }
}

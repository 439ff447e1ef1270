package dev.pilothouse.desktop;

import dev.pilothouse.sdk.settings.Settings;
import javafx.geometry.Rectangle2D;
import javafx.stage.Screen;
import javafx.stage.Stage;

/** Remembers the window's size, position and maximized state, and restores them only onto a screen that exists. */
final class WindowBounds {

    private WindowBounds() {
    }

    static void restore(Stage stage, Settings settings) {
        double w = parse(settings.get("window.width", ""), 1360);
        double h = parse(settings.get("window.height", ""), 860);
        stage.setWidth(Math.max(800, w));
        stage.setHeight(Math.max(560, h));
        double x = parse(settings.get("window.x", ""), Double.NaN);
        double y = parse(settings.get("window.y", ""), Double.NaN);
        if (!Double.isNaN(x) && !Double.isNaN(y) && onSomeScreen(x, y)) {
            stage.setX(x);
            stage.setY(y);
        } else {
            stage.centerOnScreen();
        }
        stage.setMaximized(settings.getBoolean("window.maximized", false));
    }

    static void save(Stage stage, Settings settings) {
        settings.put("window.maximized", String.valueOf(stage.isMaximized()));
        if (!stage.isMaximized() && !stage.isIconified()) {
            settings.put("window.x", String.valueOf(stage.getX()));
            settings.put("window.y", String.valueOf(stage.getY()));
            settings.put("window.width", String.valueOf(stage.getWidth()));
            settings.put("window.height", String.valueOf(stage.getHeight()));
        }
    }

    private static boolean onSomeScreen(double x, double y) {
        // The title bar must land on a screen, or a window saved on a now-unplugged monitor would be unreachable.
        return !Screen.getScreensForRectangle(new Rectangle2D(x + 20, y + 5, 100, 20)).isEmpty();
    }

    private static double parse(String text, double fallback) {
        try {
            return text.isEmpty() ? fallback : Double.parseDouble(text);
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}

package dev.pilothouse.desktop;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.LogManager;

/**
 * Logging defaults of the installed app: warnings to stderr, no INFO chatter from the client libraries. Named by
 * {@code java.util.logging.config.class} in the launcher. Secrets never reach the log: we log no request bodies
 * or headers.
 */
public final class LoggingDefaults {

    public LoggingDefaults() throws IOException {
        String config = """
                handlers=java.util.logging.ConsoleHandler
                .level=WARNING
                java.util.logging.ConsoleHandler.level=WARNING
                java.util.logging.ConsoleHandler.formatter=java.util.logging.SimpleFormatter
                java.util.logging.SimpleFormatter.format=%1$tT %4$s %3$s: %5$s%6$s%n
                io.fabric8.level=SEVERE
                io.vertx.level=SEVERE
                io.netty.level=SEVERE
                """;
        LogManager.getLogManager().readConfiguration(new ByteArrayInputStream(config.getBytes(StandardCharsets.UTF_8)));
    }
}

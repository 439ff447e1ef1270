package dev.pilothouse.core.metrics.endpoint;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Where a credential comes from. It is read at request time, so a rotated token file is picked up without a restart,
 * and never kept in settings, logs or messages: {@link #toString()} names the source, not the value.
 */
public sealed interface Secret {

    /**
     * Reads the value (surrounding white space, such as a file's final newline, removed).
     *
     * @param environment looks up environment variables ({@code System::getenv} outside tests)
     * @throws IllegalStateException naming the source when it cannot be read or is empty
     */
    String read(UnaryOperator<String> environment);

    /** A secret kept in a file. */
    record FromFile(Path file) implements Secret {
        public FromFile {
            Objects.requireNonNull(file, "file");
        }

        @Override
        public String read(UnaryOperator<String> environment) {
            try {
                String value = Files.readString(file, StandardCharsets.UTF_8).strip();
                if (value.isEmpty()) {
                    throw new IllegalStateException("file " + file + " is empty");
                }
                return value;
            } catch (NoSuchFileException e) {
                throw new IllegalStateException("file " + file + " not found", e);
            } catch (IOException e) {
                throw new IllegalStateException("file " + file + " is not readable: " + e.getMessage(), e);
            }
        }

        @Override
        public String toString() {
            return "file " + file;
        }
    }

    /** A secret kept in an environment variable. */
    record FromEnv(String variable) implements Secret {
        public FromEnv {
            Objects.requireNonNull(variable, "variable");
        }

        @Override
        public String read(UnaryOperator<String> environment) {
            String value = environment.apply(variable);
            if (value == null || value.isBlank()) {
                throw new IllegalStateException("environment variable " + variable + " is not set");
            }
            return value.strip();
        }

        @Override
        public String toString() {
            return "environment variable " + variable;
        }
    }
}

package dev.pilothouse.plugins.mlworkloads.models.serving;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The names of what a model object runs, as regular expressions valid in Java and in PromQL (RE2): the pods of a
 * Deployment ({@code name-<template hash>-<suffix>}), the predictor pods and Knative revisions of an
 * InferenceService ({@code name-predictor-…}, {@code name-predictor-00002}). Anchored on the whole name, so a
 * Deployment {@code llama} does not take the pods of {@code llama-guard}.
 */
public final class ObjectNames {

    private ObjectNames() {
    }

    /** The pods of the object, or empty when its pods are not its own (a Seldon Model runs on a Server). */
    public static Optional<String> pods(String kind, String name) {
        return switch (kind) {
            case "Deployment" -> Optional.of(escape(name) + "-[a-z0-9]{1,10}-[a-z0-9]{5}");
            case "InferenceService" -> Optional.of(escape(name) + "-predictor-.+");
            default -> Optional.empty();
        };
    }

    /** The Knative revisions of the object, or empty when it has none. */
    public static Optional<String> revisions(String kind, String name) {
        return "InferenceService".equals(kind) ? Optional.of(escape(name) + "-predictor-[0-9]{5}") : Optional.empty();
    }

    /** Whether {@code value} is one of the names {@code regex} describes (the whole of it). */
    static boolean matches(String regex, String value) {
        return Pattern.matches(regex, value);
    }

    /** The text as a literal in a regular expression (RE2 and Java agree on these escapes). */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (char c : text.toCharArray()) {
            if ("\\.^$|?*+()[]{}".indexOf(c) >= 0) {
                b.append('\\');
            }
            b.append(c);
        }
        return b.toString();
    }
}

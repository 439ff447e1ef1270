/**
 * The Pilothouse plugin SDK. A {@link dev.pilothouse.sdk.Plugin} describes itself and registers what it contributes;
 * the host decides when anything runs. Everything in this package tree except {@code dev.pilothouse.sdk.ui} is
 * headless and may be used by command-line runners without a JavaFX toolkit.
 */
package dev.pilothouse.sdk;

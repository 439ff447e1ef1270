/**
 * Internal: the ML-platform scenario (data files under {@code /scenarios/<name>/}) and the code that turns its
 * authored objects into a running cluster's state, as the controllers and kubelets would have left it.
 */
@NullMarked
package dev.pilothouse.demo.scenario;

import org.jspecify.annotations.NullMarked;

/**
 * The demo environment: emulated Kubernetes clusters seeded with an ML-platform scenario, and a simulator that plays
 * their controllers.
 *
 * <p>Public API: {@link dev.pilothouse.demo.DemoEnvironment}, {@link dev.pilothouse.demo.DemoOptions},
 * {@link dev.pilothouse.demo.EmulatedCluster}, {@link dev.pilothouse.demo.AccessPolicy},
 * {@link dev.pilothouse.demo.Simulator}, {@link dev.pilothouse.demo.LoadGenerator} and
 * {@link dev.pilothouse.demo.DemoServer}. Everything in sub-packages is internal. Clients reach the clusters only
 * through a kubeconfig, exactly like real clusters; see docs/decisions/0004-emulated-cluster.md for what is
 * emulated faithfully and what is not.
 */
@NullMarked
package dev.pilothouse.demo;

import org.jspecify.annotations.NullMarked;

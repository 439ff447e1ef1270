/**
 * Internal: the request semantics of the emulated kube-apiserver, layered on Fabric8's CRUD mock server.
 *
 * <p>Not API. Other modules talk to the emulator only through a kubeconfig (HTTP), exactly as to a real cluster;
 * the public entry points are in {@code dev.pilothouse.demo}. See docs/decisions/0004-emulated-cluster.md.
 */
@NullMarked
package dev.pilothouse.demo.apiserver;

import org.jspecify.annotations.NullMarked;

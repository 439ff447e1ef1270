/**
 * Kubernetes resource kinds: how an object becomes a slim table row, which columns a table shows and what health an
 * object has. Everything here is a pure function of the object, so it is tested with JSON fixtures.
 */
package dev.pilothouse.sdk.kube;

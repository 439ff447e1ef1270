/**
 * Live, read-only access to the configured clusters: their connection state, rows of any kind kept current by the
 * host's watches, and full objects fetched on demand. Mutations are not here: they go through actions.
 */
package dev.pilothouse.sdk.cluster;

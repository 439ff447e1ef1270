package dev.pilothouse.demo.apiserver;

import org.jspecify.annotations.Nullable;

/** Decides whether a user may perform a request; the emulator asks it for requests and access reviews alike. */
@FunctionalInterface
public interface Authorizer {

  Decision decide(Attributes attributes);

  /** What a request does, in RBAC terms. Group is "" for the core group. */
  record Attributes(String user, String verb, String group, String resource, @Nullable String subresource,
      @Nullable String namespace, @Nullable String name) {}

  record Decision(boolean allowed, String reason) {}
}

package dev.pilothouse.demo.apiserver;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;

/**
 * Bearer-token authentication. Tokens are random per cluster; requests without a token are
 * {@code system:anonymous} (anonymous auth enabled), requests with an unknown token get 401.
 */
public final class Users {

  /** The emulator's own identity (seeding, simulator): in group system:masters, never subject to the policy. */
  public static final String SUPERUSER = "system:admin";
  public static final String ANONYMOUS = "system:anonymous";

  public record UserInfo(String username, String uid, List<String> groups) {
    public boolean isSuperuser() {
      return groups.contains("system:masters");
    }
  }

  private static final SecureRandom RANDOM = new SecureRandom();

  private final Map<String, UserInfo> byToken = new ConcurrentHashMap<>();

  /** Registers a user and returns a new token for it. */
  public String addUser(String username, List<String> groups) {
    byte[] bytes = new byte[24];
    RANDOM.nextBytes(bytes);
    String token = "demo-" + HexFormat.of().formatHex(bytes);
    byToken.put(token, new UserInfo(username, UUID.nameUUIDFromBytes(username.getBytes()).toString(),
        List.copyOf(groups)));
    return token;
  }

  /**
   * Accepts a token that was issued elsewhere (an OIDC issuer's id_token, say) as this user's, as an API server
   * configured with that issuer would after verifying it.
   */
  public void addToken(String token, String username, List<String> groups) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException("token must not be blank");
    }
    byToken.put(token, new UserInfo(username, UUID.nameUUIDFromBytes(username.getBytes()).toString(),
        List.copyOf(groups)));
  }

  /** The user behind an Authorization header; empty means the credentials are invalid (401). */
  public Optional<UserInfo> authenticate(@Nullable String authorization) {
    if (authorization == null || authorization.isBlank()) {
      return Optional.of(new UserInfo(ANONYMOUS, "", List.of("system:unauthenticated")));
    }
    String prefix = "Bearer ";
    if (!authorization.regionMatches(true, 0, prefix, 0, prefix.length())) {
      return Optional.empty();
    }
    return Optional.ofNullable(byToken.get(authorization.substring(prefix.length()).trim()));
  }
}

package dev.pilothouse.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

/** Writes kubeconfigs for emulated clusters: one context per cluster, a bearer token per user entry. */
final class Kubeconfig {

  private Kubeconfig() {}

  static String contextName(EmulatedCluster cluster) {
    return "demo-" + cluster.name();
  }

  static String yaml(List<EmulatedCluster> clusters, String currentContext) {
    StringBuilder yaml = new StringBuilder();
    yaml.append("apiVersion: v1\nkind: Config\npreferences: {}\n");
    yaml.append("current-context: ").append(currentContext).append('\n');
    yaml.append("clusters:\n");
    for (EmulatedCluster c : clusters) {
      yaml.append("- name: ").append(contextName(c)).append('\n')
          .append("  cluster:\n    server: ").append(c.url()).append('\n');
    }
    yaml.append("contexts:\n");
    for (EmulatedCluster c : clusters) {
      yaml.append("- name: ").append(contextName(c)).append('\n')
          .append("  context:\n    cluster: ").append(contextName(c)).append('\n')
          .append("    user: ").append(contextName(c)).append("-admin\n");
    }
    yaml.append("users:\n");
    for (EmulatedCluster c : clusters) {
      yaml.append("- name: ").append(contextName(c)).append("-admin\n")
          .append("  user:\n    token: ").append(c.userToken()).append('\n');
    }
    return yaml.toString();
  }

  /** Writes atomically, readable by the owner only (0600) where the file system has POSIX permissions. */
  static Path write(Path file, String yaml) {
    try {
      Path target = file.toAbsolutePath();
      Path dir = target.getParent();
      Files.createDirectories(dir);
      Path temp = Files.createTempFile(dir, ".kubeconfig", ".tmp");
      try {
        if (Files.getFileStore(temp).supportsFileAttributeView("posix")) {
          Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
        }
        Files.writeString(temp, yaml);
        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(temp);
      }
      return target;
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write kubeconfig " + file, e);
    }
  }
}

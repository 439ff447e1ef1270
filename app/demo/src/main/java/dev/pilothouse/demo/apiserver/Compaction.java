package dev.pilothouse.demo.apiserver;

import java.util.concurrent.atomic.AtomicLong;

/**
 * The emulated etcd compaction point: resourceVersions below it are gone, so lists, continue tokens and watches
 * that start from them get 410 Gone (reason Expired), forcing clients to relist as after a real compaction.
 */
public final class Compaction {

  private final ObjectStore store;
  private final AtomicLong oldestAvailable = new AtomicLong();

  public Compaction(ObjectStore store) {
    this.store = store;
  }

  /** Compacts everything up to now. */
  public void compactNow() {
    oldestAvailable.set(store.nextResourceVersion());
  }

  /** Whether a client-supplied resourceVersion (0 = "any", never expired) has been compacted away. */
  public boolean isExpired(long resourceVersion) {
    return resourceVersion > 0 && resourceVersion < oldestAvailable.get();
  }

  public long oldestAvailable() {
    return oldestAvailable.get();
  }
}

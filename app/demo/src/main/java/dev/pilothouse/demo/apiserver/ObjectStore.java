package dev.pilothouse.demo.apiserver;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The emulator's object storage: Fabric8's {@link KubernetesCrudDispatcher} map (which also drives its websocket
 * watches) plus an index by resource, namespace and name.
 *
 * <p>Every write goes through {@link #put} and {@link #remove}, which call the dispatcher's
 * {@code processEvent} so that open watches see ADDED/MODIFIED/DELETED events exactly as they would for requests
 * the dispatcher handled itself. The index makes gets O(1) and lists come out sorted by namespace/name, the order
 * of a real server's etcd keys. The store survives server restarts: only the HTTP front end is replaced.
 */
public final class ObjectStore {

  /** A stored object: its JSON (immutable once stored) and the dispatcher key it is filed under. */
  public record StoredObject(AttributeSet key, String json, String namespace, String name) {}

  private final LockCapturingCrudDispatcher crud = new LockCapturingCrudDispatcher();
  private final KubernetesAttributesExtractor extractor =
      (KubernetesAttributesExtractor) crud.getAttributeExtractor();
  private final Map<String, ConcurrentSkipListMap<String, StoredObject>> index = new ConcurrentHashMap<>();
  private final AtomicLong definitionsRevision = new AtomicLong();

  /** Runs a write (or a read-modify-write) atomically with respect to other writes and watch start-up. */
  public <T> T write(Supplier<T> work) {
    Lock lock = crud.writeLock();
    lock.lock();
    try {
      return work.get();
    } finally {
      lock.unlock();
    }
  }

  public void write(Runnable work) {
    write(() -> {
      work.run();
      return null;
    });
  }

  public Optional<StoredObject> get(ResourceType type, @Nullable String namespace, String name) {
    var objects = index.get(type.groupResource());
    return objects == null ? Optional.empty() : Optional.ofNullable(objects.get(indexKey(type, namespace, name)));
  }

  /** Objects of a type, in one namespace or (namespace null) all, sorted by namespace then name. */
  public Collection<StoredObject> list(ResourceType type, @Nullable String namespace) {
    var objects = index.get(type.groupResource());
    if (objects == null) {
      return List.of();
    }
    if (!type.namespaced() || namespace == null) {
      return objects.values();
    }
    // '0' is the character after '/', so this range is exactly the keys "namespace/...".
    return objects.subMap(namespace + "/", namespace + "0").values();
  }

  public int count(ResourceType type) {
    var objects = index.get(type.groupResource());
    return objects == null ? 0 : objects.size();
  }

  /**
   * Stores (creates or replaces) an object and notifies watches. Call inside {@link #write}.
   *
   * @param meta the object's metadata (name, namespace and labels are what the dispatcher indexes)
   * @param json the full object as JSON, already carrying its resourceVersion
   */
  public StoredObject put(ResourceType type, ObjectMeta meta, String json) {
    requireWriteLock();
    String namespace = type.namespaced() ? meta.getNamespace() : null;
    String path = type.objectPath(namespace, meta.getName());
    AttributeSet pathAttributes = extractor.fromPath(type.collectionPath(namespace));
    GenericKubernetesResource keySource = new GenericKubernetesResource();
    keySource.setApiVersion(type.groupVersion());
    keySource.setKind(type.kind());
    ObjectMeta keyMeta = new ObjectMeta();
    keyMeta.setName(meta.getName());
    keyMeta.setNamespace(namespace);
    keyMeta.setLabels(meta.getLabels());
    keySource.setMetadata(keyMeta);
    // Same key computation as the dispatcher's processEvent, so watches match the way they would for its own writes.
    AttributeSet key = extractor.extract(keySource);
    if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
      key = AttributeSet.merge(pathAttributes, key);
    }
    String indexKey = indexKey(type, namespace, meta.getName());
    var objects = index.computeIfAbsent(type.groupResource(), k -> new ConcurrentSkipListMap<>());
    StoredObject previous = objects.get(indexKey);
    crud.processEvent(path, pathAttributes, previous == null ? null : previous.key(), keySource, json);
    StoredObject stored = new StoredObject(key, json, namespace == null ? "" : namespace, meta.getName());
    objects.put(indexKey, stored);
    noteDefinitionChange(type);
    return stored;
  }

  /** Deletes an object and notifies watches (DELETED with its last state). Call inside {@link #write}. */
  public void remove(ResourceType type, StoredObject object) {
    requireWriteLock();
    String namespace = object.namespace().isEmpty() ? null : object.namespace();
    crud.processEvent(type.objectPath(namespace, object.name()),
        extractor.fromPath(type.collectionPath(namespace)), object.key(), null, null);
    var objects = index.get(type.groupResource());
    if (objects != null) {
      objects.remove(indexKey(type, namespace, object.name()));
    }
    noteDefinitionChange(type);
  }

  /** A fresh resourceVersion, greater than every one handed out before. */
  public long nextResourceVersion() {
    return crud.requestResourceVersion();
  }

  /**
   * Opens a Fabric8 websocket watch on every object of a type (in a namespace, or all). The response carries the
   * dispatcher's listener, which sends the current objects as ADDED on open and every later change.
   */
  public MockResponse openWatch(ResourceType type, @Nullable String namespace) {
    return crud.handleWatch(type.collectionPath(namespace));
  }

  /** Changes whenever a CRD is written, so discovery can cache what it derives from CRDs. */
  public long definitionsRevision() {
    return definitionsRevision.get();
  }

  private void noteDefinitionChange(ResourceType type) {
    if (type.plural().equals("customresourcedefinitions")) {
      definitionsRevision.incrementAndGet();
    }
  }

  private void requireWriteLock() {
    if (!crud.isWriteLockHeldByCurrentThread()) {
      throw new IllegalStateException("store writes must run inside ObjectStore.write");
    }
  }

  private static String indexKey(ResourceType type, @Nullable String namespace, String name) {
    return (type.namespaced() && namespace != null ? namespace : "") + "/" + name;
  }

  /**
   * The CRUD dispatcher guards its map with a private read-write lock; its watches take the read lock while they
   * send the initial objects, so our writes must hold the write lock or that iteration could fail mid-way. The
   * dispatcher reports each lock it acquires to {@link #locked}; we capture the write lock by making it take it once.
   */
  private static final class LockCapturingCrudDispatcher extends KubernetesCrudDispatcher {
    private volatile ReentrantReadWriteLock.@Nullable WriteLock writeLock;

    LockCapturingCrudDispatcher() {
      // A delete of a path that matches nothing: takes and releases the write lock, changes nothing.
      handleDelete("/api/v1/namespaces/pilothouse-lock-probe/configmaps/pilothouse-lock-probe");
      if (writeLock == null) {
        throw new IllegalStateException("Fabric8 KubernetesCrudDispatcher no longer reports its write lock");
      }
    }

    @Override
    protected void locked(Lock lock) {
      if (writeLock == null && lock instanceof ReentrantReadWriteLock.WriteLock w) {
        writeLock = w;
      }
    }

    Lock writeLock() {
      return java.util.Objects.requireNonNull(writeLock);
    }

    boolean isWriteLockHeldByCurrentThread() {
      return java.util.Objects.requireNonNull(writeLock).isHeldByCurrentThread();
    }
  }
}

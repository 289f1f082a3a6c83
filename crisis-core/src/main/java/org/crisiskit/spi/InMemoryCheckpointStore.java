package org.crisiskit.spi;

import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** {@link CheckpointStore} in a concurrent map. */
final class InMemoryCheckpointStore implements CheckpointStore {
  private final Map<String, String> map = new ConcurrentHashMap<>();

  @Override
  public Optional<String> get(String key) {
    return Optional.ofNullable(map.get(key));
  }

  @Override
  public void put(String key, String value) {
    map.put(key, value);
  }

  @Override
  public Map<String, String> snapshot() {
    return Map.copyOf(new TreeMap<>(map));
  }

  @Override
  public String toString() {
    return "CheckpointStore.inMemory" + new TreeMap<>(map);
  }
}

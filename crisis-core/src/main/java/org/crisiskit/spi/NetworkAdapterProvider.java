package org.crisiskit.spi;

import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Creates a {@link NetworkAdapter} from string settings; lets tools find adapters with
 * {@link ServiceLoader}. Creating the adapter directly (for example {@code XAdapter.create(config)})
 * is the normal path; discovery is opt-in through {@link #find(String)}. Implementations need a public
 * no-argument constructor and a {@code META-INF/services/org.crisiskit.spi.NetworkAdapterProvider}
 * entry.
 */
public interface NetworkAdapterProvider {
  /** The network this provider serves, for example {@code x} (a name as {@link NetworkAdapter#network()} describes). */
  String network();

  /**
   * Creates an adapter from settings named like environment variables (for X: {@code X_BEARER_TOKEN}
   * and friends).
   *
   * @throws IllegalArgumentException naming a setting that is missing or malformed
   */
  NetworkAdapter create(Map<String, String> settings);

  /** Finds a provider for {@code network} on the class path. */
  static Optional<NetworkAdapterProvider> find(String network) {
    for (NetworkAdapterProvider p : ServiceLoader.load(NetworkAdapterProvider.class)) {
      if (p.network().equals(network)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }
}

package org.crisiskit.twitter;

import java.util.Map;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.NetworkAdapterProvider;

/**
 * Lets {@link NetworkAdapterProvider#find(String) find("x")} create an {@link XAdapter} from
 * environment-style settings ({@code X_BEARER_TOKEN} and friends, see {@link XConfig.Builder#env}).
 * Stateless and thread-safe.
 */
public final class XAdapterProvider implements NetworkAdapterProvider {
  /** Used by {@link java.util.ServiceLoader}. */
  public XAdapterProvider() {}

  @Override
  public String network() {
    return "x";
  }

  @Override
  public NetworkAdapter create(Map<String, String> settings) {
    return XAdapter.create(XConfig.custom().env(settings).build());
  }
}

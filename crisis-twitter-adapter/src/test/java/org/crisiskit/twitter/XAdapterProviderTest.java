package org.crisiskit.twitter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.crisiskit.spi.NetworkAdapter;
import org.crisiskit.spi.NetworkAdapterProvider;
import org.junit.jupiter.api.Test;

class XAdapterProviderTest {
  @Test
  void discoveryFindsTheXProviderAndReadsSettings() {
    NetworkAdapterProvider p = NetworkAdapterProvider.find("x").orElseThrow();
    NetworkAdapter a = p.create(Map.of("X_API_BASE_URL", "http://127.0.0.1:9", "X_BEARER_TOKEN", "t0ken"));
    XAdapter x = assertInstanceOf(XAdapter.class, a);
    assertEquals("http://127.0.0.1:9", x.config().baseUrl().toString());
    assertTrue(NetworkAdapterProvider.find("mastodon").isEmpty());
  }
}

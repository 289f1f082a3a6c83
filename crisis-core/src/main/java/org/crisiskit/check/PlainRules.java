package org.crisiskit.check;

final class PlainRules implements NetworkRules {
  private final String network;
  private final int maxLength;

  PlainRules(String network, int maxLength) {
    if (maxLength <= 0) {
      throw new IllegalArgumentException("maxLength must be > 0 but was " + maxLength);
    }
    this.network = network;
    this.maxLength = maxLength;
  }

  @Override
  public String network() {
    return network;
  }

  @Override
  public int maxLength() {
    return maxLength;
  }

  @Override
  public int weightedLength(String text) {
    return text.codePointCount(0, text.length());
  }
}

package org.crisiskit.classify;

import java.util.List;

/**
 * The built-in complaint and question topics. Topics are plain strings so that a playbook can add its
 * own; these are the ones every classifier knows.
 */
public final class Topics {
  public static final String DELIVERY = "delivery";
  public static final String CUSTOMER_SERVICE = "customer_service";
  public static final String BILLING = "billing";
  public static final String PRODUCT_QUALITY = "product_quality";
  public static final String LACK_OF_INFORMATION = "lack_of_information";
  public static final String ACCOUNT_ACCESS = "account_access";
  public static final String OUTAGE = "outage";
  public static final String CANCELLATION = "cancellation";
  public static final String LOST_OR_DAMAGED = "lost_or_damaged";
  public static final String SAFETY = "safety";

  /** Every built-in topic. */
  public static final List<String> BUILT_IN = List.of(DELIVERY, CUSTOMER_SERVICE, BILLING,
      PRODUCT_QUALITY, LACK_OF_INFORMATION, ACCOUNT_ACCESS, OUTAGE, CANCELLATION, LOST_OR_DAMAGED, SAFETY);

  private Topics() {}
}

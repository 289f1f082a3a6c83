/**
 * Example 3, writing a new network adapter: {@link org.crisiskit.examples.webhook.WebhookAdapter}
 * accepts mentions pushed as signed JSON over HTTP and passes the adapter contract kit.
 */
package org.crisiskit.examples.webhook;

/**
 * The X (Twitter) API v2 network adapter. Entry point: {@link org.crisiskit.twitter.XAdapter#create}
 * with an {@link org.crisiskit.twitter.XConfig} built in code or read from the environment
 * ({@link org.crisiskit.twitter.XConfig#fromEnv}). Listening modes are
 * {@link org.crisiskit.twitter.XListenMode}; the HTTP client sits behind
 * {@link org.crisiskit.twitter.XTransport} so tests can replace it.
 */
package org.crisiskit.twitter;

/**
 * The network adapter SPI: what Crisis Kit needs from a social network. The entry point is
 * {@link org.crisiskit.spi.NetworkAdapter}; {@link org.crisiskit.spi.FakeNetwork} is a scriptable
 * in-memory adapter for tests, examples and the demo; {@link org.crisiskit.spi.CheckpointStore} keeps
 * the position a listener resumes from; failures are subclasses of
 * {@link org.crisiskit.spi.NetworkException}.
 */
package org.crisiskit.spi;

/** Test helpers shipped in the crisis-core test-jar: {@link org.crisiskit.testing.FakeClock}. */
package org.crisiskit.testing;

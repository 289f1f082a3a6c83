/**
 * Code shared between Crisis Kit's own packages and modules. <b>Not published API</b>: anything here
 * may change or disappear in any release; do not use it from applications.
 */
package org.crisiskit.internal;

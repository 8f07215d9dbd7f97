/** Citizen sign-in by SMS one-time code and the bearer tokens it yields. */
package org.mvoting.api.identity;

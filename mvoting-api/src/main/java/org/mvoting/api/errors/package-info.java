/** Named business exceptions; the web tier maps each to an RFC 9457 problem type. */
package org.mvoting.api.errors;

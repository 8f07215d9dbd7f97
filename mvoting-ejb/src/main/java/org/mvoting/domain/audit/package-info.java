/** The audit trail of administrative actions. */
package org.mvoting.domain.audit;

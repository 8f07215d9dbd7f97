/** The audit trail as auditors read it. */
package org.mvoting.api.audit;

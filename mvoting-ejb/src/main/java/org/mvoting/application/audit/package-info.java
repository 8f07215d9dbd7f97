/** Reading the audit trail for auditors. */
package org.mvoting.application.audit;

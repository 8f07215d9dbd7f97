/** The audit trail for auditors, and the records it keeps of downloads and of settings changed at runtime. */
package org.mvoting.application.audit;

/** All SQL: a *Repository keeps rows of an aggregate or table, a *Ledger runs a hot path's native SQL; migration. */
package org.mvoting.infrastructure.persistence;

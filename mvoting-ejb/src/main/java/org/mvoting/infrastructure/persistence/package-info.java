/** All SQL: a *Repository maps entities (JPA), a *Ledger runs the native SQL of a hot path; plus schema migration. */
package org.mvoting.infrastructure.persistence;

/** Repositories, the ballot ledger (native SQL on the vote path) and schema migration. */
package org.mvoting.infrastructure.persistence;

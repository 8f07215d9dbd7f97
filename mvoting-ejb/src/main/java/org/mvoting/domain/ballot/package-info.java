/** Ballot secrecy value objects: voter keys, receipts and the sealed receipt for idempotent retries. */
package org.mvoting.domain.ballot;

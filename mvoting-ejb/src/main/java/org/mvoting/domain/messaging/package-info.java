/** Outgoing messages (SMS) as outbox entries. */
package org.mvoting.domain.messaging;

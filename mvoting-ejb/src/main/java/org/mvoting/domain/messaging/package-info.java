/** Outgoing messages (SMS and push) as outbox entries, and the app installations push notifications go to. */
package org.mvoting.domain.messaging;

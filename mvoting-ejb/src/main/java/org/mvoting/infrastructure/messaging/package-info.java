/** The outbox relay: JMS queue, message-driven dispatch and dead letters. */
package org.mvoting.infrastructure.messaging;

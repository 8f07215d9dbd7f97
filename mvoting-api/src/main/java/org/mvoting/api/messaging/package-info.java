/** Outgoing messages: what the local adapters kept, and what guards the SMS gateway (budget, refusals). */
package org.mvoting.api.messaging;

/** SMS and push wording from resource bundles, the local adapters' inboxes the demo and tests read, and the SMS guard (budget, refusals) for administrators. */
package org.mvoting.application.messaging;

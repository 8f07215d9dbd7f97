/** SMS and push wording from resource bundles, and the local adapters' inboxes the demo and tests read. */
package org.mvoting.application.messaging;

/** On-site policy events: setting up, registration and tokens, and the hall (console, live screens, hall ballots). */
package org.mvoting.application.events;

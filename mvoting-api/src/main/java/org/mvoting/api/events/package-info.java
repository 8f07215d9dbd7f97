/** On-site policy events: setup, participants, secret tokens and joining. */
package org.mvoting.api.events;

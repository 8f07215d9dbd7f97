/** Server push to the screens in an event's hall: one live state per event, sent to every screen when it changes. */
package org.mvoting.web.live;

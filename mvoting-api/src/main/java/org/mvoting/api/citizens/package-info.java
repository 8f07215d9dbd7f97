/** What a signed-in citizen manages about themselves: the optional panel profile, their participation history and their app installations for push notifications. */
package org.mvoting.api.citizens;

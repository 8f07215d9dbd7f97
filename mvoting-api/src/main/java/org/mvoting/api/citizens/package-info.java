/** What a signed-in citizen manages about themselves: the optional panel profile and their participation history. */
package org.mvoting.api.citizens;

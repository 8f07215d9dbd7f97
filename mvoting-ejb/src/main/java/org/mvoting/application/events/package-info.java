/** On-site events: one service per api interface (administration, entry, console, floor) and the countdown clock. */
package org.mvoting.application.events;

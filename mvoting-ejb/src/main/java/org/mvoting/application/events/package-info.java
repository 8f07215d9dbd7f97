/**
 * On-site policy events, one service per api interface: EventAdministrationService (setting up, registration, tokens),
 * EventEntryService (joining at the door), EventConsoleService (the operator's console, ruled by the Event aggregate),
 * EventFloorService (the screens' state and hall ballots); EventCountdownTimer closes run-out countdowns and mixes
 * shown results.
 */
package org.mvoting.application.events;

/** Citizen-to-citizen polls, their screening and moderation, and the results summaries for petitions. */
package org.mvoting.application.citizenpolls;

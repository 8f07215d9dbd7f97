/** Citizens ask citizens: citizen-made polls, reports, moderation and results summaries. */
package org.mvoting.api.citizenpolls;

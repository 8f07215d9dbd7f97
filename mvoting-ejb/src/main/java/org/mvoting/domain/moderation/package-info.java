/** Screening of what citizens write into their polls: personal information to refuse, words to hold for a moderator. */
package org.mvoting.domain.moderation;

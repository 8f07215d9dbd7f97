/** What every page of the staff portal shares: language, the signed-in person, texts, messages and time. */
package org.mvoting.web.portal;

/** The mobile office's notification channel: the port, its HTTP production adapter and its local recording adapter. */
package org.mvoting.infrastructure.mobileoffice;

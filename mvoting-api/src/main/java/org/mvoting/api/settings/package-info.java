/** The city's settings (MVOTING_*): each named, defaulted and typed once, read alike by the EJB and web tiers. */
package org.mvoting.api.settings;

/** The government staff directory over LDAP: login binds and the org-chart snapshot the sync reads. */
package org.mvoting.infrastructure.directory;

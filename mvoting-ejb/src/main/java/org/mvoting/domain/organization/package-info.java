/** The city's departments that own polls. */
package org.mvoting.domain.organization;

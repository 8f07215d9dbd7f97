/** The staff directory: sync from LDAP and its timer, a member's scope and roles, and the role-check interceptor. */
package org.mvoting.application.staff;

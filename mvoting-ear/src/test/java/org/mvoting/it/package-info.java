/** Integration tests: the EAR deployed by Arquillian on a managed WildFly, driven over HTTP, checked in PostgreSQL. */
package org.mvoting.it;

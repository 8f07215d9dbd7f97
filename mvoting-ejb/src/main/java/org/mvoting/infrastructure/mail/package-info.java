/** Staff e-mail through WildFly's mail session: the port, its mail-session adapter and its local recording adapter. */
package org.mvoting.infrastructure.mail;

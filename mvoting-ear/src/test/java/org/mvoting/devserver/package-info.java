/**
 * Development support: the embedded PostgreSQL that the run command and the test command start when no database
 * is given, and the staff directory (an in-memory LDAP server with the demo organisation).
 */
package org.mvoting.devserver;

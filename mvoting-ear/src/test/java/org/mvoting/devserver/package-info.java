/**
 * Development support: the embedded PostgreSQL that the run command and the test command start when no database
 * is given, the staff directory (an in-memory LDAP server with the demo organisation) and the integration tests'
 * signing certificate; and the two-node cluster behind HAProxy (ClusterServer) of the cluster test and the two-node
 * command, with the cluster test's own PostgreSQL that it kills and restarts (ClusterDatabase).
 */
package org.mvoting.devserver;

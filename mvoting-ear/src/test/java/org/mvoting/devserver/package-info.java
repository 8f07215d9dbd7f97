/** Development support: the embedded PostgreSQL that the run command and the test command start when no database is given. */
package org.mvoting.devserver;

/** Files staff upload (phone lists as CSV or Excel), read into plain values for the services to judge. */
package org.mvoting.web.imports;

/** The panel's counts per stratum for staff, and the census tables: upload (checked, versioned, audited) and reading. */
package org.mvoting.application.panel;

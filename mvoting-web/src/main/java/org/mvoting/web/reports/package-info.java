/** Poll result and audit-trail downloads for the staff portal: CSV, Excel (xlsx) and PDF. */
package org.mvoting.web.reports;

/** Poll result and audit-trail downloads for the staff portal: CSV, Excel (xlsx) and PDF; the signed results summary. */
package org.mvoting.web.reports;

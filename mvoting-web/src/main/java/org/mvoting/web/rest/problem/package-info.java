/** RFC 9457 problem details: every error answer of the API, localized from resource bundles. */
package org.mvoting.web.rest.problem;

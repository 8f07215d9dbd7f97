/** What the servlet container answers by itself (errors outside JAX-RS): problem details under /api, a page elsewhere. */
package org.mvoting.web.errors;

/** JAX-RS resources under /api/v1: thin, they validate transfer records and call mvoting-api services. */
package org.mvoting.web.rest;

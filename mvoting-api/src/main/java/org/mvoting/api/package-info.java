/** Contracts between the web tier and the EJB tier: service interfaces, transfer records, business exceptions. */
package org.mvoting.api;

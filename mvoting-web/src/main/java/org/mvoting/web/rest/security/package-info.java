/** Who is calling: citizen bearer tokens, the interim staff login, and request size limits. */
package org.mvoting.web.rest.security;

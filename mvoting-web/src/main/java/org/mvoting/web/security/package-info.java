/** Staff authentication: portal login against the directory, Basic for scripts, mobile-office tokens; the device cookie; the browser policy (CSP, framing, HSTS) of every response. */
package org.mvoting.web.security;

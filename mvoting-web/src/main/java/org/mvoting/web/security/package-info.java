/** Staff authentication: portal login against the directory, Basic for scripts, mobile-office tokens. */
package org.mvoting.web.security;

/** Keys derived from the server secret, the signed bearer token format, verification of the mobile office's staff tokens, and the check of citizens' certificates (PKIX with CRLs). */
package org.mvoting.infrastructure.crypto;

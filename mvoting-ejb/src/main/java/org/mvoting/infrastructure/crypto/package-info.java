/** Keys derived from the server secret, the signed bearer token format, and verification of the mobile office's staff tokens. */
package org.mvoting.infrastructure.crypto;

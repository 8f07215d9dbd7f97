/** Keys derived from the server secret, and the signed bearer token format. */
package org.mvoting.infrastructure.crypto;

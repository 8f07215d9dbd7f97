/** Fixed entry points printed on paper and posters: the city-hall QR code. */
package org.mvoting.web.entry;

/** Short links (/p/{code}) as printed and put in QR codes: they lead to the place to vote. */
package org.mvoting.web.shortlink;

/** Technical adapters: configuration, cryptography, persistence, messaging and outside services. */
package org.mvoting.infrastructure;

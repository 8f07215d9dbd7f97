/** The push notification gateway port with its HTTP production adapter and its local recording adapter. */
package org.mvoting.infrastructure.push;

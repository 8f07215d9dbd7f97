/** Standard Web Push (RFC 8030) with VAPID (RFC 8292) and payload encryption (RFC 8291/8188), JDK crypto only. */
package org.mvoting.infrastructure.webpush;

/** On-site events: join codes and printed secret tokens. */
package org.mvoting.domain.event;

/** On-site events: the hall's aggregate (Event and its questions: rounds, the screens, paper counts), join codes and printed secret tokens. */
package org.mvoting.domain.event;

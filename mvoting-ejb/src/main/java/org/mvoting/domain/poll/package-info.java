/** The Poll aggregate: questions, options, lifecycle and the rules a ballot must meet. */
package org.mvoting.domain.poll;

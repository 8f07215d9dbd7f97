/** City polls: drafting, approval, audiences, the public catalogue, the featured poll, closing and its timer. */
package org.mvoting.application.polls;

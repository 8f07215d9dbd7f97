/** The domain model: aggregates with their rules, value objects and repositories' needs. */
package org.mvoting.domain;

/** The policy cycle: what a city poll led to (agenda, decision, execution, evaluation), recorded by its department. */
package org.mvoting.api.policycycle;

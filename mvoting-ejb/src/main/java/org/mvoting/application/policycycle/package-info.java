/** The policy cycle of city polls: steps recorded by the poll's department, read by all, the decision announced once. */
package org.mvoting.application.policycycle;

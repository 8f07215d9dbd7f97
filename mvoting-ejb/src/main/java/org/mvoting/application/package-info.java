/** Stateless services: the only transaction boundary; they implement the mvoting-api contracts. */
package org.mvoting.application;

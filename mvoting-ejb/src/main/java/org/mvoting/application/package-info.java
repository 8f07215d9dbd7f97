/** Use cases, one sub-package per mvoting-api use case (and demo); their @Stateless services open the transactions. */
package org.mvoting.application;

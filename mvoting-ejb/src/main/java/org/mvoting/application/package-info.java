/** Use cases, one sub-package per mvoting-api package; the @Stateless services there are the transaction boundary. */
package org.mvoting.application;

/** The citizen panel seen by staff (members per stratum, small cells hidden) and the census tables samples and weights use. */
package org.mvoting.api.panel;

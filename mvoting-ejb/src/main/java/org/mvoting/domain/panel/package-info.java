/** The panel seen as strata (counts with small cells hidden) and the census tables: reading and checking an upload. */
package org.mvoting.domain.panel;

/** Staff identity, roles and the synced org chart, as the web layer and the services share them. */
package org.mvoting.api.staff;

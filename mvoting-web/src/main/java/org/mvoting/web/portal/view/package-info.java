/** JavaBeans that show the services' records on pages (Jakarta EL 5 cannot read record components). */
package org.mvoting.web.portal.view;

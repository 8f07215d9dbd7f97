package org.mvoting.web.portal;

import jakarta.faces.component.UIComponent;
import jakarta.faces.context.FacesContext;
import org.primefaces.component.datatable.DataTable;

/** Small helpers for the portal's lazy tables. */
public final class PortalTables {

    private PortalTables() {
    }

    /** Back to the first page: new filters make the page the table was on meaningless. */
    public static void firstPage(String clientId) {
        UIComponent table = FacesContext.getCurrentInstance().getViewRoot().findComponent(clientId);
        if (table instanceof DataTable dataTable) {
            dataTable.setFirst(0);
        }
    }
}

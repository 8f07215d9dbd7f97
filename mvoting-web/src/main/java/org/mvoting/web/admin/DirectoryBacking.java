package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.web.portal.PortalMessages;
import org.mvoting.web.portal.PortalUser;
import org.mvoting.web.portal.view.SyncItem;
import org.primefaces.PrimeFaces;

/**
 * The staff directory sync (/admin/directory.xhtml): start one now (ADMIN), follow its progress, and read
 * what the recent runs changed (ADMIN and AUDITOR).
 */
@Named
@ViewScoped
public class DirectoryBacking implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int RECENT = 10;

    @EJB
    private StaffDirectory directory;

    @Inject
    private PortalUser user;

    private SyncItem current;
    private List<SyncItem> recent = List.of();

    public void load() {
        recent = directory.recentSyncs(RECENT).stream().map(SyncItem::new).toList();
        // A run still going (started by a timer or another admin) is followed as if started here.
        current = recent.stream().filter(SyncItem::isRunning).findFirst().orElse(current);
    }

    /** 지금 동기화. */
    public void startSync() {
        try {
            current = new SyncItem(directory.startSync(user.actor()));
            PortalMessages.info("directory.started");
        } finally {
            PortalMessages.reload(this::load); // refused or not, the runs as they are now
        }
    }

    /** The p:poll listener while a run goes on: its progress, and the list once it has finished. */
    public void refresh() {
        if (current == null) {
            return;
        }
        try {
            current = new SyncItem(directory.syncRun(current.getId()));
            if (!current.isRunning()) {
                load();
                PrimeFaces.current().executeScript("PF('syncPoll') && PF('syncPoll').stop();");
            }
        } catch (RuntimeException e) {
            // the exception handler says why, once: asking every second would only repeat it
            PrimeFaces.current().executeScript("PF('syncPoll') && PF('syncPoll').stop();");
            throw e;
        }
    }

    public boolean isRunning() {
        return current != null && current.isRunning();
    }

    public SyncItem getCurrent() {
        return current;
    }

    public List<SyncItem> getRecent() {
        return recent;
    }
}

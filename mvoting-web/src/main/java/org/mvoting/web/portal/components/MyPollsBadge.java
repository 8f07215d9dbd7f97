package org.mvoting.web.portal.components;

import jakarta.ejb.EJB;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Named;
import org.mvoting.api.polls.MyPolls;

/**
 * The dashboard's "my polls" badge: how many open polls wait for my vote. Its own bean, so the dashboard's backing
 * bean stays about the department; read once per request, when the badge is rendered.
 */
@Named
@RequestScoped
public class MyPollsBadge {

    @EJB
    private MyPolls myPolls;

    private Integer waiting;

    public int getWaiting() {
        if (waiting == null) {
            waiting = myPolls.waitingForMyVote();
        }
        return waiting;
    }
}

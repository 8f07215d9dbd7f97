package org.mvoting.web.admin;

import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.ballots.BallotBox;
import org.mvoting.api.ballots.Channel;
import org.mvoting.api.errors.PollNotFoundException;
import org.mvoting.api.polls.MyPolls;
import org.mvoting.api.staff.StaffDirectory;
import org.mvoting.web.portal.PortalText;
import org.mvoting.web.portal.view.MyPollItem;
import org.mvoting.web.portal.view.ResultsItem;

/**
 * "My polls" (/admin/my-polls.xhtml): the staff polls whose audience includes me, to vote in (the staff vote page)
 * or to follow; {@code ?results=<id>} shows one poll's results below the list, when its visibility allows and the
 * poll is one of mine.
 */
@Named
@ViewScoped
public class MyPollsBacking implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private MyPolls myPolls;

    @EJB
    private BallotBox ballots;

    @EJB
    private StaffDirectory directory;

    private String resultsId;
    private List<MyPollItem> polls = List.of();
    private MyPollItem shown;
    private ResultsItem results;

    public void load() {
        polls = myPolls.myPolls().stream().map(MyPollItem::new).toList();
        if (resultsId != null && !resultsId.isBlank()) {
            // only a poll of mine: another staff poll's id typed into the URL is "not found", as on the API
            shown = polls.stream().filter(p -> p.getId().equals(resultsId.strip())).findFirst()
                    .orElseThrow(() -> new PollNotFoundException(resultsId.length() > 40 ? resultsId.substring(0, 40) : resultsId));
            results = new ResultsItem(ballots.results(UUID.fromString(shown.getId()),
                    Optional.of(directory.voterCredential(Channel.PORTAL))),
                    PortalText.text(PortalText.current(), "results.votes"),
                    PortalText.text(PortalText.current(), "results.points"));
        }
    }

    public List<MyPollItem> getPolls() {
        return polls;
    }

    public List<MyPollItem> inState(String state) {
        return polls.stream().filter(p -> p.getState().equals(state)).toList();
    }

    public MyPollItem getShown() {
        return shown;
    }

    public ResultsItem getResults() {
        return results;
    }

    public String getResultsId() {
        return resultsId;
    }

    public void setResultsId(String resultsId) {
        this.resultsId = resultsId;
    }
}

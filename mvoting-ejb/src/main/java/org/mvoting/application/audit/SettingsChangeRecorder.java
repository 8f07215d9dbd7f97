package org.mvoting.application.audit;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.util.List;
import org.mvoting.api.polls.Actor;
import org.mvoting.infrastructure.persistence.AuditTrail;

/** The settings watch's transaction: all the changes of one look are recorded together, or none. */
@Stateless
public class SettingsChangeRecorder {

    static final String ACTION = "settings.changed";

    @Inject
    private AuditTrail trail;

    public void record(List<SettingsSeen.Change> changes, Actor system) {
        for (SettingsSeen.Change change : changes) {
            trail.record(system, ACTION, change.name(), change.detail());
        }
    }
}

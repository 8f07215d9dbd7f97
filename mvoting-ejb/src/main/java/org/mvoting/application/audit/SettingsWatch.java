package org.mvoting.application.audit;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.EJB;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.mvoting.api.polls.Actor;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.api.settings.Setting;

/**
 * Records every setting changed in the running server ({@code settings.changed}, actor "system", source this node):
 * an operator who switches, say, mvoting.sms.adapter to local with the CLI leaves a trace.
 *
 * <p>Why it polls: settings are read on every use, system property first, and a system property has no change event
 * (the management API writes it straight into {@link System#getProperties()}, and the environment cannot change at
 * all), so the only way to notice is to look. Every {@value #INTERVAL_MILLIS} ms this node compares the text of every
 * setting with what it saw last; the texts at deployment are the baseline, not a change. A change undone within one
 * interval is not seen. Each node watches its own properties, so each records its own changes.
 */
@Singleton
@Startup
public class SettingsWatch {

    static final long INTERVAL_MILLIS = 5_000;
    private static final Logger LOG = Logger.getLogger(SettingsWatch.class.getName());

    @Resource
    private TimerService timers;

    @EJB
    private SettingsChangeRecorder recorder;

    private SettingsSeen seen;

    @PostConstruct
    void start() {
        Set<String> secret = CitySettings.all().stream().filter(Setting::secret).map(Setting::name)
                .collect(Collectors.toUnmodifiableSet());
        seen = new SettingsSeen(texts(), secret::contains);
        timers.createIntervalTimer(INTERVAL_MILLIS, INTERVAL_MILLIS, new TimerConfig(null, false));
    }

    /** Outside a transaction: the recorder opens its own, and only a committed record moves the baseline on. */
    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void look() {
        Map<String, String> now = texts();
        List<SettingsSeen.Change> changes = seen.changesTo(now);
        if (changes.isEmpty()) {
            return;
        }
        try {
            recorder.record(changes, new Actor("system", node()));
            seen.remember(now);
        } catch (RuntimeException e) {
            // the database may be away: the same changes are seen, and recorded, at a later look
            LOG.log(Level.WARNING, "settings changes not recorded yet: {0}", e.toString());
        }
    }

    private static Map<String, String> texts() {
        Map<String, String> texts = new LinkedHashMap<>();
        for (Setting<?> setting : CitySettings.all()) {
            texts.put(setting.name(), setting.text());
        }
        return texts;
    }

    private static String node() {
        String node = System.getProperty("jboss.node.name");
        return node == null || node.isBlank() ? "server" : node;
    }
}

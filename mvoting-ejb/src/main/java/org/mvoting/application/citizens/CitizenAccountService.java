package org.mvoting.application.citizens;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Year;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.mvoting.api.citizens.CitizenAccount;
import org.mvoting.api.citizens.CitizenProfile;
import org.mvoting.api.citizens.Participation;
import org.mvoting.api.polls.PollSummary;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.identity.CitizenBearer;
import org.mvoting.application.identity.CitizenTokens;
import org.mvoting.application.polls.PollViews;
import org.mvoting.domain.identity.PanelProfile;
import org.mvoting.infrastructure.persistence.CitizenRepository;
import org.mvoting.infrastructure.persistence.IdentityRepository;

/** A citizen's own profile and history, for the holder of the bearer token only. */
@Stateless
public class CitizenAccountService implements CitizenAccount {

    @Inject
    private CitizenRepository citizens;

    @Inject
    private org.mvoting.infrastructure.persistence.SampleLedger samples;

    @Inject
    private CitizenTokens citizenTokens;

    @Inject
    private IdentityRepository identities;

    private CitizenBearer holder(String bearerToken) {
        return citizenTokens.holder(bearerToken);
    }

    @Override
    public Optional<CitizenProfile> profile(String bearerToken) {
        return citizens.profile(holder(bearerToken).citizenId()).map(CitizenAccountService::view);
    }

    @Override
    public CitizenProfile saveProfile(String bearerToken, CitizenProfile given) {
        UUID citizenId = holder(bearerToken).citizenId();
        Instant now = Instant.now();
        Year thisYear = Year.now(CitySettings.timeZone());
        PanelProfile profile = citizens.profile(citizenId).orElse(null);
        if (profile == null) {
            profile = new PanelProfile(citizenId, Boolean.TRUE.equals(given.consent()), given.gender(), given.district(),
                    given.birthYear(), now, thisYear);
            citizens.add(profile);
        } else {
            profile.change(Boolean.TRUE.equals(given.consent()), given.gender(), given.district(), given.birthYear(), now,
                    thisYear);
        }
        // the key this member votes with, so a panel sample's draw can invite them (their number comes at sign-in)
        samples.rememberVoterKey(citizenId, holder(bearerToken).voterKey(), now);
        return view(profile);
    }

    @Override
    public boolean withdrawProfile(String bearerToken) {
        PanelProfile profile = citizens.profile(holder(bearerToken).citizenId()).orElse(null);
        if (profile == null) {
            return false;
        }
        citizens.remove(profile);
        return true;
    }

    @Override
    public List<PollSummary> invitedPolls(String bearerToken) {
        return citizens.invitedOpenPolls(holder(bearerToken).voterKey(), Instant.now()).stream()
                .map(PollViews::summary).toList();
    }

    @Override
    public List<Participation> participations(String bearerToken, int max) {
        CitizenBearer holder = holder(bearerToken);
        // a number that changed hands keeps its voter key: only what was done since this citizen began is theirs
        LocalDate since = identities.citizen(holder.citizenId())
                .map(c -> c.createdAt().atZone(CitySettings.timeZone()).toLocalDate()).orElse(LocalDate.EPOCH);
        return citizens.participations(holder.voterKey(), since, max);
    }

    private static CitizenProfile view(PanelProfile p) {
        return new CitizenProfile(true, p.gender(), p.district(), p.birthYear(), p.consentedAt());
    }
}

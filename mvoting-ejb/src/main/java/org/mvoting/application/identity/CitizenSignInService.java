package org.mvoting.application.identity;

import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.mvoting.api.errors.BusinessException;
import org.mvoting.api.errors.PhoneCountryNotAllowedException;
import org.mvoting.api.errors.InvalidTokenException;
import org.mvoting.api.errors.TooManyRequestsException;
import org.mvoting.api.errors.VerificationFailedException;
import org.mvoting.api.identity.AccessToken;
import org.mvoting.api.identity.CitizenSignIn;
import org.mvoting.api.identity.CodeRequested;
import org.mvoting.api.messaging.SmsRefusalReason;
import org.mvoting.api.settings.CitySettings;
import org.mvoting.application.messaging.SmsTexts;
import org.mvoting.domain.identity.Citizen;
import org.mvoting.domain.identity.ClientAddress;
import org.mvoting.domain.identity.DeviceId;
import org.mvoting.domain.identity.OtpChallenge;
import org.mvoting.domain.identity.PhoneNumber;
import org.mvoting.domain.messaging.OutboxMessage;
import org.mvoting.domain.messaging.SmsAllowList;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.messaging.OutboxRelay;
import org.mvoting.infrastructure.messaging.SmsBudget;
import org.mvoting.infrastructure.persistence.AdvisoryLocks;
import org.mvoting.infrastructure.persistence.CitizenRepository;
import org.mvoting.infrastructure.persistence.IdentityRepository;
import org.mvoting.infrastructure.persistence.RateLimits;
import org.mvoting.infrastructure.persistence.SmsRefusalLedger;

/**
 * Citizen sign-in by SMS one-time code. A code request is checked, cheapest first, against the requests per client
 * address and hour (MVOTING_SMS_CODES_PER_ADDRESS_PER_HOUR), the allowed countries (MVOTING_SMS_ALLOWED_PREFIXES),
 * the limits per phone number (one code per minute, five per hour) and the day's SMS budget
 * (MVOTING_SMS_DAILY_BUDGET); every refusal is counted, masked, for the operators (sms_refusal). Each code lives five
 * minutes and allows five tries. The code leaves through the outbox. The first sign-in on a device binds the device
 * to the citizen.
 */
@Stateless
public class CitizenSignInService implements CitizenSignIn {

    static final Duration RESEND_COOLDOWN = Duration.ofSeconds(60);
    static final Duration WINDOW = Duration.ofHours(1);
    static final int CODES_PER_WINDOW = 5;
    static final String CODES_PER_ADDRESS = "codes-per-address";
    static final String SMS_BUDGET = "sms-budget";

    @Inject
    private IdentityRepository identities;

    @Inject
    private org.mvoting.infrastructure.persistence.SampleLedger samples;

    @Inject
    private OutboxRelay outbox;

    @Inject
    private AdvisoryLocks locks;

    @Inject
    private ServerSecrets secrets;

    @EJB
    private RateLimits limits;

    @EJB
    private SmsRefusalLedger refusals;

    @Inject
    private SmsBudget budget;

    @Inject
    private CitizenTokens tokens;

    @Inject
    private CitizenRepository citizens;

    @Override
    public CodeRequested requestCode(String phoneNumber, String clientAddress) {
        PhoneNumber phone = PhoneNumber.parse(phoneNumber);
        ClientAddress from = ClientAddress.of(clientAddress);
        // Counted before the other checks, refused or not: a script spraying numbers from one address is held back.
        try {
            limits.hit(CODES_PER_ADDRESS, from.limitSubject(), WINDOW, CitySettings.smsCodesPerAddressPerHour());
        } catch (TooManyRequestsException e) {
            throw refused(SmsRefusalReason.ADDRESS_LIMIT, from, phone, e);
        }
        if (!new SmsAllowList(CitySettings.smsAllowedPrefixes()).allows(phone)) {
            throw refused(SmsRefusalReason.COUNTRY, from, phone, new PhoneCountryNotAllowedException());
        }
        byte[] phoneKey = secrets.phoneKey(phone);
        // One request per number at a time, so two simultaneous requests cannot both slip under the limits.
        locks.exclusive(AdvisoryLocks.Space.PHONE, Arrays.hashCode(phoneKey));
        Instant now = Instant.now();
        List<OtpChallenge> recent = identities.challengesSince(phoneKey, now.minus(WINDOW));
        if (!recent.isEmpty()) {
            Instant last = recent.get(0).createdAt();
            if (last.plus(RESEND_COOLDOWN).isAfter(now)) {
                throw refused(SmsRefusalReason.NUMBER_LIMIT, from, phone,
                        new TooManyRequestsException("resend", secondsUntil(now, last.plus(RESEND_COOLDOWN))));
            }
            if (recent.size() >= CODES_PER_WINDOW) {
                Instant oldest = recent.get(recent.size() - 1).createdAt();
                throw refused(SmsRefusalReason.NUMBER_LIMIT, from, phone,
                        new TooManyRequestsException("hourly", secondsUntil(now, oldest.plus(WINDOW))));
            }
            recent.forEach(c -> c.supersede(now));
        }
        // Claimed last, when nothing else stands in the way: the code is one SMS of today's budget.
        if (!budget.claim()) {
            throw refused(SmsRefusalReason.DAILY_BUDGET, from, phone,
                    new TooManyRequestsException(SMS_BUDGET, budget.secondsUntilTomorrow()));
        }
        String code = String.format("%06d", secrets.random().nextInt(1_000_000));
        UUID challengeId = UUID.randomUUID();
        identities.add(new OtpChallenge(challengeId, phoneKey, secrets.codeHash(challengeId, code), now));
        outbox.enqueue(OutboxMessage.sms(phone.e164(), secrets.sealPhone(phone),
                SmsTexts.text(Locale.KOREAN, "otp.code", code, OtpChallenge.LIFETIME.toMinutes()), now));
        return new CodeRequested(phone.masked(), OtpChallenge.LIFETIME.toSeconds(), RESEND_COOLDOWN.toSeconds());
    }

    @Override
    public AccessToken verifyCode(String phoneNumber, String code, String deviceId) {
        PhoneNumber phone = PhoneNumber.parse(phoneNumber);
        // a malformed device id must not stop a sign-in: the device is then simply not bound
        DeviceId device = DeviceId.parse(deviceId).orElse(null);
        byte[] phoneKey = secrets.phoneKey(phone);
        // Serialise checks per number: parallel guesses must each use up a try, and a code works once.
        locks.exclusive(AdvisoryLocks.Space.PHONE, Arrays.hashCode(phoneKey));
        Instant now = Instant.now();
        OtpChallenge challenge = identities.latestChallenge(phoneKey)
                .orElseThrow(() -> new VerificationFailedException(VerificationFailedException.Reason.NO_ACTIVE_CODE, 0));
        String presented = code == null ? "" : code.strip();
        challenge.verify(secrets.codeHash(challenge.id(), presented), now);

        byte[] voterKey = secrets.voterKey(phone);
        Citizen citizen = identities.citizen(phoneKey).filter(known -> !passedOn(known, voterKey, now)).orElseGet(() -> {
            Citizen fresh = new Citizen(phoneKey, now);
            identities.add(fresh);
            return fresh;
        });
        citizen.signedIn(now);
        if (device != null) {
            identities.bindDevice(secrets.deviceKey(device), voterKey, now);
        }
        // a panel member's number, kept sealed while they are in the panel, so a sample can text them an invitation
        samples.refreshContact(citizen.id(), voterKey, secrets.sealPhone(phone), phone.masked(), now);
        CitizenTokens.Issued issued = tokens.issue(citizen, voterKey, now);
        return new AccessToken(issued.token(), "Bearer", issued.expires());
    }

    @Override
    public void signOut(String bearerToken) {
        tokens.revoke(bearerToken);
    }

    @Override
    public void signOutEverywhere(String bearerToken) {
        CitizenBearer holder = tokens.holder(bearerToken);
        identities.citizen(holder.citizenId())
                .orElseThrow(() -> new InvalidTokenException(InvalidTokenException.Reason.REVOKED))
                .signOutEverywhere();
    }

    /**
     * A number without a sign-in for MVOTING_NUMBER_REASSIGNED_AFTER_MONTHS may belong to someone else now: the
     * citizen it led to is retired (unlinked from the number, their profile deleted, their devices unbound, their tokens refused), and the
     * sign-in starts a new citizen. Participation rows are keyed by the number's voter key and stay: see README.
     */
    private boolean passedOn(Citizen known, byte[] voterKey, Instant now) {
        Instant cutoff = now.atZone(CitySettings.timeZone()).minusMonths(CitySettings.numberReassignedAfterMonths())
                .toInstant();
        if (!known.unusedSince(cutoff)) {
            return false;
        }
        byte[] unlinked = new byte[32];
        secrets.random().nextBytes(unlinked);
        known.retire(unlinked, now);
        citizens.profile(known.id()).ifPresent(citizens::remove);
        identities.unbindDevices(voterKey); // the earlier owner's phones no longer vote as this number when signed out
        identities.flush(); // the number's key is free before the new citizen takes it (unique)
        return true;
    }

    /** Counts the refusal for the operators (masked, in its own transaction) and hands back the refusal to throw. */
    private BusinessException refused(SmsRefusalReason reason, ClientAddress from, PhoneNumber phone,
                                      BusinessException refusal) {
        refusals.count(reason, from.masked(), phone.maskedInternational());
        return refusal;
    }

    private static long secondsUntil(Instant now, Instant then) {
        return Math.max(1, Duration.between(now, then).toSeconds() + 1);
    }
}

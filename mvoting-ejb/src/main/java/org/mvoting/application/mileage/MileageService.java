package org.mvoting.application.mileage;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.mvoting.api.mileage.Mileage;
import org.mvoting.api.mileage.MileageEntryView;
import org.mvoting.api.mileage.MileageLine;
import org.mvoting.api.mileage.MileageOverview;
import org.mvoting.api.mileage.MileageStatement;
import org.mvoting.api.mileage.MonthlyPayout;
import org.mvoting.api.mileage.PayeeTotal;
import org.mvoting.api.mileage.PollMileage;
import org.mvoting.api.staff.AllowedRoles;
import org.mvoting.api.staff.Roles;
import org.mvoting.application.identity.CitizenTokens;
import org.mvoting.domain.mileage.LedgerEntry;
import org.mvoting.domain.mileage.MileageBalance;
import org.mvoting.domain.mileage.MileageMonth;
import org.mvoting.domain.mileage.PayeeCode;
import org.mvoting.infrastructure.crypto.ServerSecrets;
import org.mvoting.infrastructure.persistence.MileageLedger;

/** Reads of the mileage ledger: a citizen's statement, the auditors' month and poll views, the finance office's payout. */
@Stateless
public class MileageService implements Mileage {

    @Inject
    private MileageLedger ledger;

    @Inject
    private CitizenTokens citizenTokens;

    @Inject
    private ServerSecrets secrets;

    @Override
    public MileageStatement statement(String bearerToken) {
        UUID citizenId = citizenTokens.holder(bearerToken).citizenId();
        List<MileageLedger.Row> rows = ledger.ofCitizen(citizenId, MAX_HISTORY);
        Set<UUID> reversed = MileageBalance.reversedAwards(rows.stream().map(MileageLedger.Row::entry).toList());
        List<MileageLine> history = rows.stream().map(r -> new MileageLine(r.entry().pollId(), r.pollTitle(),
                r.entry().kind(), r.entry().day(), r.entry().amountWon(), reversed.contains(r.entry().id()))).toList();
        return new MileageStatement(payeeCode(citizenId), ledger.balance(citizenId), history);
    }

    @Override
    @AllowedRoles({Roles.AUDITOR, Roles.FINANCE, Roles.ADMIN})
    public MileageOverview overview(YearMonth month) {
        MileageMonth m = new MileageMonth(month);
        List<PollMileage> polls = ledger.perPoll(m.firstDay(), m.lastDay()).stream()
                .map(r -> new PollMileage((UUID) r[0], (String) r[1], r[2] == null ? 0 : ((Number) r[2]).intValue(),
                        ((Number) r[3]).longValue(), ((Number) r[4]).longValue(), ((Number) r[5]).longValue()))
                .toList();
        long payees = ledger.payeesBetween(m.firstDay(), m.lastDay());
        return new MileageOverview(month.toString(), polls, polls.stream().mapToLong(PollMileage::awards).sum(),
                polls.stream().mapToLong(PollMileage::reversals).sum(), polls.stream().mapToLong(PollMileage::netWon).sum(),
                payees);
    }

    @Override
    @AllowedRoles({Roles.AUDITOR, Roles.FINANCE, Roles.ADMIN})
    public List<MileageEntryView> pollEntries(UUID pollId) {
        Map<UUID, String> codes = new HashMap<>();
        return ledger.ofPoll(pollId, MAX_ROWS).stream().map(r -> view(r, codes)).toList();
    }

    @Override
    @AllowedRoles({Roles.FINANCE, Roles.AUDITOR})
    public MonthlyPayout payout(YearMonth month) {
        MileageMonth m = new MileageMonth(month);
        List<MileageLedger.Row> rows = ledger.between(m.firstDay(), m.lastDay(), MAX_ROWS + 1);
        boolean truncated = rows.size() > MAX_ROWS;
        List<MileageLedger.Row> kept = truncated ? rows.subList(0, MAX_ROWS) : rows;
        Map<UUID, String> codes = new HashMap<>();
        List<LedgerEntry> entries = kept.stream().map(MileageLedger.Row::entry).toList();
        List<PayeeTotal> payees = MileageBalance.perPayee(entries, id -> codes.computeIfAbsent(id, this::payeeCode));
        return new MonthlyPayout(month.toString(), payees, MileageBalance.of(entries),
                kept.stream().map(r -> view(r, codes)).toList(), truncated);
    }

    private MileageEntryView view(MileageLedger.Row row, Map<UUID, String> codes) {
        LedgerEntry e = row.entry();
        return new MileageEntryView(e.id(), codes.computeIfAbsent(e.citizenId(), this::payeeCode), e.pollId(),
                row.pollTitle(), e.kind(), e.day(), e.amountWon(), e.reverses());
    }

    private String payeeCode(UUID citizenId) {
        return PayeeCode.of(secrets.payeeDigest(citizenId));
    }
}
